import { parseDateTimeText } from './ics-dates.ts';
import { wallAsUtc, type WallTime } from './wall-time.ts';

// The RRULE of a VTIMEZONE observance: once a year, in one month, on the n-th (or last) weekday
// (BYDAY=2SU, BYDAY=-1SU), on a weekday within listed days (BYMONTHDAY=8,…,14;BYDAY=SU) or on a
// fixed day (BYMONTHDAY=22). That is every rule time zones use; any other rule is refused.

export interface YearlyRule {
  month?: number;
  /** 0 = Sunday … 6 = Saturday; nth 2 = the second, -1 = the last, 0 = the first within monthDays. */
  weekday?: { day: number; nth: number };
  monthDays: number[];
  /** No onset after this (epoch ms). */
  until?: number;
  count?: number;
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The rule, or the part of it we do not read. `offsetFrom` places a local UNTIL. */
export function yearlyRule(value: string, offsetFrom: number): YearlyRule | string {
  const parts = value.split(';').filter((part) => part !== '').map((part) => {
    const [key = '', setting = ''] = part.split('=');
    return [key.toUpperCase(), setting.toUpperCase()] as const;
  });
  if (!parts.some(([key, setting]) => key === 'FREQ' && setting === 'YEARLY')) return value.slice(0, 80);
  const rule: YearlyRule = { monthDays: [] };
  for (const [key, setting] of parts) {
    const problem = applyPart(rule, key, setting, offsetFrom);
    if (problem !== undefined) return problem;
  }
  return rule;
}

function applyPart(rule: YearlyRule, key: string, setting: string, offsetFrom: number): string | undefined {
  const unread = `${key}=${setting}`.slice(0, 40);
  switch (key) {
    case 'FREQ':
    case 'WKST':
      return undefined;
    case 'INTERVAL':
      return setting === '1' ? undefined : unread;
    case 'BYMONTH':
      rule.month = Number(setting);
      return /^(?:[1-9]|1[0-2])$/.test(setting) ? undefined : unread;
    case 'BYMONTHDAY':
      rule.monthDays = setting.split(',').map(Number).sort((a, b) => a - b);
      return rule.monthDays.every((day) => Number.isInteger(day) && day >= 1 && day <= 31) ? undefined : unread;
    case 'BYDAY': {
      const match = /^([+-]?[1-5])?(SU|MO|TU|WE|TH|FR|SA)$/.exec(setting);
      if (match !== null) rule.weekday = { day: WEEKDAYS.indexOf(match[2] as string), nth: Number(match[1] ?? 0) };
      return match === null ? unread : undefined;
    }
    case 'UNTIL':
      rule.until = untilEpoch(setting, offsetFrom);
      return rule.until === undefined ? unread : undefined;
    case 'COUNT':
      rule.count = Number(setting);
      return /^\d{1,4}$/.test(setting) ? undefined : unread;
    default:
      return unread;
  }
}

function untilEpoch(value: string, offsetFrom: number): number | undefined {
  const parsed = parseDateTimeText(value.length === 8 ? `${value}T235959` : value);
  if (parsed === undefined) return undefined;
  return wallAsUtc(parsed.wall) - (parsed.utc ? 0 : offsetFrom * 60_000);
}

/** The month and day of the rule's onset in a year, if it has one that year. */
export function ruleDay(rule: YearlyRule, year: number, start: WallTime): { month: number; day: number } | undefined {
  const month = rule.month ?? start.month;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const weekdayOf = (day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const weekday = rule.weekday;
  if (weekday === undefined) {
    const day = rule.monthDays[0] ?? start.day;
    return day <= daysInMonth ? { month, day } : undefined;
  }
  // "BYDAY=SU" alone would be every Sunday of the month: no time zone changes like that.
  if (weekday.nth === 0 && rule.monthDays.length === 0) return undefined;
  if (weekday.nth === 0) {
    const day = rule.monthDays.find((d) => d <= daysInMonth && weekdayOf(d) === weekday.day);
    return day === undefined ? undefined : { month, day };
  }
  const first = ((weekday.day - weekdayOf(1) + 7) % 7) + 1;
  const matches: number[] = [];
  for (let day = first; day <= daysInMonth; day += 7) matches.push(day);
  const day = weekday.nth > 0 ? matches[weekday.nth - 1] : matches[matches.length + weekday.nth];
  return day === undefined ? undefined : { month, day };
}
