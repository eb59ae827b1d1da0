import { DAY_MS } from '../core/calendar.ts';

// The instant a local (wall-clock) time denotes in a zone, as RFC 5545 §3.3.5 defines it. ical.js's
// own answer (Timezone#utcOffset, from libical) differs exactly where a DST change makes the wall
// time ambiguous: it reads a repeated time as its second occurrence and a skipped one with the offset
// after the gap (its test/timezone_test.js expects New York's 02:00 on a spring-forward night to be
// -04:00), while the RFC says "the first occurrence" and "the UTC offset before the gap" (its
// examples: TZID=America/New_York:20071104T013000 is 01:30 EDT, 20070311T023000 is 03:30 EDT). So
// the offsets come from ical.js (a VTIMEZONE) or the tz database, and only this choice is made here.
// Nothing here reads the machine's own time zone.

/** The wall-clock fields of an ICAL.Time (month 1–12). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The UTC offset in minutes (east of Greenwich positive) in force at an instant (epoch ms). */
export type OffsetAt = (epochMs: number) => number;

export const UTC_OFFSET: OffsetAt = () => 0;

const MINUTE_MS = 60_000;

/** The wall time read as if it were UTC. */
export function wallAsUtc(wall: WallTime): number {
  const date = new Date(Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  // Date.UTC reads years 0–99 as 1900–1999; Exchange's VTIMEZONEs start in 1601, some in 0001.
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

/** A time that occurs twice is its first occurrence; one a gap skips is read with the offset in
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
