import ICAL from 'ical.js';
import { LAST_ZONE_YEAR, MAX_TIMEZONE_OBSERVANCES, MAX_TIMEZONE_RDATES } from './calendar-limits.ts';

// What a VTIMEZONE must be before ical.js evaluates it. Mail is untrusted, and ical.js iterates an
// observance's RRULE from its DTSTART (1601 for Exchange) through the year asked for: FREQ=SECONDLY
// from 1601 would be billions of steps. So only the rules real zones use are accepted, their years
// are counted (calendar-zones.ts bounds them per part), and an observance ical.js would skip is
// refused rather than read as if it were not there.

/** How many years ical.js will iterate the VTIMEZONE's RRULEs for: from each observance's DTSTART
 *  through LAST_ZONE_YEAR, or to its UNTIL or COUNT. */
export function ruleYears(vtimezone: ICAL.Component): number {
  let years = 0;
  for (const observance of vtimezone.getAllSubcomponents()) {
    const rule = observance.getFirstPropertyValue('rrule');
    const start = observance.getFirstPropertyValue('dtstart');
    if (!(rule instanceof ICAL.Recur) || !(start instanceof ICAL.Time)) continue;
    let end = Math.min(LAST_ZONE_YEAR, rule.until?.year ?? LAST_ZONE_YEAR);
    if (rule.count !== null) end = Math.min(end, start.year + rule.count * Math.max(rule.interval, 1));
    years += Math.max(0, end - start.year);
  }
  return years;
}

/** Why the VTIMEZONE is not evaluated, or undefined. */
export function vtimezoneProblem(vtimezone: ICAL.Component): string | undefined {
  const observances = vtimezone.getAllSubcomponents().filter((child) => child.name === 'standard' || child.name === 'daylight');
  if (observances.length === 0) return 'has no STANDARD or DAYLIGHT rules';
  if (observances.length > MAX_TIMEZONE_OBSERVANCES) return `has more than ${MAX_TIMEZONE_OBSERVANCES} STANDARD/DAYLIGHT rules`;
  const rdates = observances.reduce((sum, observance) => sum + observance.getAllProperties('rdate').length, 0);
  if (rdates > MAX_TIMEZONE_RDATES) return `has more than ${MAX_TIMEZONE_RDATES} RDATEs`;
  for (const observance of observances) {
    const name = observance.name.toUpperCase();
    // ical.js skips an observance without these; the offsets would then be silently wrong.
    if (!['dtstart', 'tzoffsetfrom', 'tzoffsetto'].every((property) => observance.hasProperty(property))) {
      return `${name} has no DTSTART, TZOFFSETFROM or TZOFFSETTO`;
    }
    const rule = observance.getFirstPropertyValue('rrule');
    if (rule !== null && !isZoneRule(rule)) return `${name} has an RRULE we do not read (${String(rule).slice(0, 80)})`;
  }
  return undefined;
}

const TIME_PARTS: ReadonlySet<string> = new Set(['BYHOUR', 'BYMINUTE', 'BYSECOND']);

/** The yearly rules time zones use: in one month, on its n-th or last weekday (BYDAY=2SU, -1SU), on
 *  a weekday within seven consecutive days (BYMONTHDAY=8,…,14;BYDAY=SU) or on a fixed day; or on
 *  DTSTART's date. Each matches exactly once a year, so ical.js never searches on for a date the rule
 *  cannot have (BYMONTH=2;BYMONTHDAY=30;BYDAY=SU from 1601 keeps it busy for a second), nor steps
 *  through every day of the year. */
function isZoneRule(rule: unknown): boolean {
  if (!(rule instanceof ICAL.Recur) || rule.freq !== 'YEARLY' || !(rule.interval >= 1)) return false;
  const { BYMONTH: months = [], BYDAY: days = [], BYMONTHDAY: monthDays = [], ...others } = rule.parts as Record<string, unknown[]>;
  // Lotus Notes adds the time of day: BYHOUR=2;BYMINUTE=0.
  const timeOfDay = Object.entries(others).every(([part, values]) => TIME_PARTS.has(part) && values.length === 1);
  if (!timeOfDay || months.length > 1 || days.length > 1) return false;
  const month = months[0];
  if (month === undefined) return days.length === 0 && monthDays.length === 0;
  if (typeof month !== 'number' || month < 1 || month > 12) return false;
  // The month's length in a common year (February: 28), so every listed day exists every year.
  const length = ICAL.Time.daysInMonth(month, 2001);
  const day = days[0];
  const listed = monthDays.map(Number);
  const exists = listed.every((value) => Number.isInteger(value) && value >= 1 && value <= length);
  if (day === undefined) return listed.length === 1 && exists;
  if (typeof day !== 'string') return false;
  if (listed.length === 0) return /^(?:\+?[1-4]|-1)(?:SU|MO|TU|WE|TH|FR|SA)$/.test(day);
  const first = listed[0] as number;
  return /^(?:SU|MO|TU|WE|TH|FR|SA)$/.test(day) && exists && listed.length === 7 && listed.every((value, index) => value === first + index);
}
