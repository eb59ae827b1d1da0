import { tzOffset } from '@date-fns/tz';

// Local wall-clock times and the instant they denote in a zone. Nothing here reads the machine's
// own time zone: every conversion goes through an explicit UTC offset function.

export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The UTC offset in minutes (east of Greenwich positive) in force at an instant (epoch ms). */
export type OffsetAt = (epochMs: number) => number;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export const UTC_OFFSET: OffsetAt = () => 0;

/** The wall time read as if it were UTC: the arithmetic base of every conversion below. */
export function wallAsUtc(wall: WallTime): number {
  const epoch = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (wall.year >= 100) return epoch;
  // Date.UTC reads years 0–99 as 1900–1999; some VTIMEZONEs start in year 0001.
  const date = new Date(epoch);
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

export function isValidWall(wall: WallTime): boolean {
  const date = new Date(wallAsUtc(wall));
  return date.getUTCFullYear() === wall.year && date.getUTCMonth() === wall.month - 1 && date.getUTCDate() === wall.day
    && wall.hour <= 23 && wall.minute <= 59 && wall.second <= 60;
}

/** The same clock time `days` calendar days later (RFC 5545 §3.3.6: a day of a DURATION is nominal). */
export function addWallDays(wall: WallTime, days: number): WallTime {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The instant of a wall time, as RFC 5545 §3.3.5 reads one a DST change makes ambiguous: a time
 *  that occurs twice means the first occurrence; a time skipped by a gap is read with the offset in
 *  force before the gap (02:30 on a spring-forward night is 03:30 daylight time). */
export function wallToEpoch(wall: WallTime, offsetAt: OffsetAt): number {
  const local = wallAsUtc(wall);
  const before = offsetAt(local - DAY_MS);
  const after = offsetAt(local + DAY_MS);
  const fits = [before, after]
    .map((offset) => local - Math.round(offset * MINUTE_MS))
    .filter((epoch) => Math.round(offsetAt(epoch) * MINUTE_MS) === local - epoch);
  if (fits.length > 0) return Math.min(...fits);
  return local - Math.round(before * MINUTE_MS);
}

const validZones = new Map<string, boolean>();

/** True for a time zone name the runtime's tz database knows (IANA names and their aliases). */
export function isKnownZone(name: string): boolean {
  let known = validZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (validZones.size < 1_000) validZones.set(name, known);
  }
  return known;
}

/** The offsets of a tz-database zone, or undefined when the runtime does not know the name. */
export function zoneOffsets(zone: string): OffsetAt | undefined {
  if (!isKnownZone(zone)) return undefined;
  return (epochMs) => tzOffset(zone, new Date(epochMs));
}
