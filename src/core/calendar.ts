import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { endOfDay } from 'date-fns/endOfDay';
import { isWeekend } from 'date-fns/isWeekend';
import { startOfDay } from 'date-fns/startOfDay';
import { clock, isoDay, shortDate, shortStamp } from './local-format.ts';

/** A day of 24 hours in milliseconds: for ages in days, never for calendar arithmetic (DST). */
export const DAY_MS = 86_400_000;

/** The user's calendar: their time zone and the days off that are not weekends. */
export interface Calendar {
  timezone: string;
  /** "YYYY-MM-DD" local dates. */
  holidays: ReadonlySet<string>;
}

export function inZone(instant: Date, cal: Calendar): TZDate {
  return new TZDate(instant.getTime(), cal.timezone);
}

/** "YYYY-MM-DD" of the instant as seen in the user's time zone. */
export function localDay(instant: Date, cal: Calendar): string {
  return isoDay(inZone(instant, cal));
}

/** Midnight at the start of a local "YYYY-MM-DD" day. */
export function startOfLocalDay(day: string, cal: Calendar): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, cal.timezone).getTime());
}

export function isBusinessDay(instant: Date, cal: Calendar): boolean {
  const local = inZone(instant, cal);
  return !isWeekend(local) && !cal.holidays.has(isoDay(local));
}

/** Start of the n-th business day after the local day of `from` (n ≥ 1). Steps in local days with
 *  wall-clock arithmetic, so a DST change never shifts the result by an hour (docs/gmail.md §9). */
export function businessDaysAfter(from: Date, n: number, cal: Calendar): Date {
  let day = startOfDay(inZone(from, cal));
  let remaining = n;
  while (remaining > 0) {
    day = addDays(day, 1);
    if (isBusinessDay(day, cal)) remaining -= 1;
  }
  return new Date(day.getTime());
}

/** Start of the first business day after a local "YYYY-MM-DD" day. */
export function businessDayAfterLocalDay(day: string, cal: Calendar): Date {
  return businessDaysAfter(startOfLocalDay(day, cal), 1, cal);
}

/** R1 (S4): an interview starting before the cutoff hour → end of that day; otherwise end of the next
 *  calendar day. Judged in the user's zone whatever offset the start was written with. */
export function thankYouDeadline(start: Date, cutoffHour: number, cal: Calendar): Date {
  const local = inZone(start, cal);
  const day = local.getHours() < cutoffHour ? local : addDays(local, 1);
  return new Date(endOfDay(day).getTime());
}

/** "Tue Nov 24 23:59" in the user's zone. */
export function formatLocal(instant: Date, cal: Calendar): string {
  return shortStamp(inZone(instant, cal));
}

export function formatLocalDate(instant: Date, cal: Calendar): string {
  return shortDate(inZone(instant, cal));
}

export function formatLocalTime(instant: Date, cal: Calendar): string {
  return clock(inZone(instant, cal));
}

export function calendarOf(timezone: string, holidays: readonly string[]): Calendar {
  return { timezone, holidays: new Set(holidays) };
}
