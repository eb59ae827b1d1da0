import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';

/** "Tue Nov 24 23:59" in the user's zone; the year is added when it is not the year of `now`. */
export function formatInstant(date: Date, timezone: string, now?: Date): string {
  const zone = { in: tz(timezone) };
  const sameYear = now === undefined || format(date, 'yyyy', zone) === format(now, 'yyyy', zone);
  return format(date, sameYear ? 'EEE MMM d HH:mm' : 'EEE MMM d yyyy HH:mm', zone);
}
