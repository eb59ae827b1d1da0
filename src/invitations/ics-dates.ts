import type { ContentLine } from './ics-lines.ts';
import { isValidWall, type WallTime } from './wall-time.ts';

// DATE, DATE-TIME and DURATION values (RFC 5545 §3.3.4, §3.3.5, §3.3.6), read from the text of the
// property: a DATE-TIME is UTC when it ends in Z, in a zone when it has a TZID, else floating.

export type DateValue =
  | { kind: 'date'; wall: WallTime }
  | { kind: 'date-time'; wall: WallTime; utc: boolean; tzid?: string };

/** A DURATION: whole days (nominal: the same clock time n days later) plus an exact span in ms. */
export interface Duration {
  days: number;
  ms: number;
}

const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DURATION = /^([+-]?)P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,8})S)?)?$/;

/** "YYYYMMDDTHHMMSS" with an optional Z. */
export function parseDateTimeText(value: string): { wall: WallTime; utc: boolean } | undefined {
  const match = DATE_TIME.exec(value.trim());
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const wall = { year, month, day, hour, minute, second };
  return isValidWall(wall) ? { wall, utc: match[7] === 'Z' } : undefined;
}

function parseDateText(value: string): WallTime | undefined {
  const match = DATE.exec(value.trim());
  if (match === null) return undefined;
  const wall = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), hour: 0, minute: 0, second: 0 };
  return isValidWall(wall) ? wall : undefined;
}

/** The value of DTSTART, DTEND, DTSTAMP …: VALUE=DATE (or a bare YYYYMMDD) is a date. */
export function dateValueOf(line: ContentLine): DateValue | undefined {
  const valueType = line.params.get('VALUE')?.toUpperCase();
  if (valueType === 'DATE' || (valueType === undefined && DATE.test(line.value.trim()))) {
    const wall = parseDateText(line.value);
    return wall === undefined ? undefined : { kind: 'date', wall };
  }
  const parsed = parseDateTimeText(line.value);
  if (parsed === undefined) return undefined;
  const tzid = line.params.get('TZID')?.trim();
  // A TZID on a UTC time is not allowed (§3.2.19); the Z is the unambiguous part.
  return parsed.utc || tzid === undefined || tzid === ''
    ? { kind: 'date-time', wall: parsed.wall, utc: parsed.utc }
    : { kind: 'date-time', wall: parsed.wall, utc: false, tzid };
}

/** A non-negative DURATION such as PT45M, P1D, P1DT2H or P2W. */
export function parseDuration(value: string): Duration | undefined {
  const match = DURATION.exec(value.trim().toUpperCase());
  if (match === null || match[1] === '-' || match.slice(2).every((part) => part === undefined)) return undefined;
  if (value.trim().toUpperCase().endsWith('T')) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(2).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  return { days: weeks * 7 + days, ms: ((hours * 60 + minutes) * 60 + seconds) * 1000 };
}
