import { addDays } from 'date-fns/addDays';
import { inZone, type Calendar } from './calendar.ts';
import { isoDay, MONTHS, WEEKDAYS } from './local-format.ts';

// Finds a date a message names ("we will decide by December 4", "back on Monday"), as a local
// "YYYY-MM-DD" after the message's own date. Bounded patterns over bounded text: mail is untrusted.

const MONTH_WORDS = MONTHS.map((m) => m.toLowerCase());
const WEEKDAY_WORDS = WEEKDAYS.map((d) => d.toLowerCase());

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s{1,3}(\\d{4}))?`, 'gi');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?${MONTH}\\b\\.?(?:,?\\s{1,3}(\\d{4}))?`, 'gi');
const ISO_DAY = /\b(20\d\d)-(\d\d)-(\d\d)\b/g;
const WEEKDAY = /\b(?:by|on|until|till|before|next|this|from|return(?:ing)?|back)\s{1,3}(?:next\s{1,3}|this\s{1,3})?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

const MAX_SCAN = 5_000;

function monthIndex(name: string): number {
  const lower = name.toLowerCase().slice(0, 3);
  return MONTH_WORDS.findIndex((m) => m.startsWith(lower));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): string | undefined {
  const probe = new Date(Date.UTC(y, m, d));
  if (probe.getUTCMonth() !== m || probe.getUTCDate() !== d) return undefined;
  return `${y}-${pad(m + 1)}-${pad(d)}`;
}

/** Without a year, the next such day on or after the message's day (a date just past is last year's
 *  news, not next year's promise, so allow a week back before rolling over). */
function withYear(m: number, d: number, year: number | undefined, sentDay: string): string | undefined {
  if (year !== undefined) return validDay(year, m, d);
  const sentYear = Number(sentDay.slice(0, 4));
  const same = validDay(sentYear, m, d);
  if (!same) return undefined;
  const [sy, sm, sd] = sentDay.split('-').map(Number) as [number, number, number];
  const weekBack = new Date(Date.UTC(sy, sm - 1, sd - 7)).toISOString().slice(0, 10);
  return same >= weekBack ? same : validDay(sentYear + 1, m, d);
}

function candidates(text: string, sentDay: string, sent: Date, cal: Calendar): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(MONTH_DAY)) {
    const day = withYear(monthIndex(m[1]!), Number(m[2]), m[3] ? Number(m[3]) : undefined, sentDay);
    if (day) found.push(day);
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const day = withYear(monthIndex(m[2]!), Number(m[1]), m[3] ? Number(m[3]) : undefined, sentDay);
    if (day) found.push(day);
  }
  for (const m of text.matchAll(ISO_DAY)) {
    const day = validDay(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (day) found.push(day);
  }
  for (const m of text.matchAll(WEEKDAY)) {
    found.push(nextWeekday(WEEKDAY_WORDS.indexOf(m[1]!.toLowerCase()), sent, cal));
  }
  return found;
}

function nextWeekday(weekday: number, sent: Date, cal: Calendar): string {
  let day = inZone(sent, cal);
  do day = addDays(day, 1);
  while (day.getDay() !== weekday);
  return isoDay(day);
}

/** The latest day named in the text that falls after the day the message was sent, if any. */
export function namedFutureDay(text: string, sent: Date, cal: Calendar): string | undefined {
  const sentDay = isoDay(inZone(sent, cal));
  const future = candidates(text.slice(0, MAX_SCAN), sentDay, sent, cal).filter((d) => d > sentDay);
  return future.sort().at(-1);
}
