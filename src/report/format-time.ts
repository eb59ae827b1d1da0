import { TZDate } from '@date-fns/tz';
import { shortStamp } from '../core/local-format.ts';

/** "Tue Nov 24 23:59" in the user's zone; the year is added when it is not the year of `now`. */
export function formatInstant(date: Date, timezone: string, now?: Date): string {
  const local = new TZDate(date.getTime(), timezone);
  const sameYear = now === undefined || new TZDate(now.getTime(), timezone).getFullYear() === local.getFullYear();
  return shortStamp(local, !sameYear);
}
