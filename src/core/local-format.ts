// Dates as people read them, from a zone-aware date's own getters. date-fns' `format` would do,
// but it costs ~45 MB of memory at load, which the mbox scan's 256 MB budget cannot spare.

/** Getters' order: Sunday is 0. */
export const WEEKDAYS: readonly string[] = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Getters' order: January is 0. */
export const MONTHS: readonly string[] = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Anything with local getters: a TZDate, or a Date read in the process's zone. */
export interface LocalDate {
  getFullYear(): number;
  getMonth(): number;
  getDate(): number;
  getDay(): number;
  getHours(): number;
  getMinutes(): number;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2026-11-24" */
export function isoDay(d: LocalDate): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "23:59" */
export function clock(d: LocalDate): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "Tue Nov 24", with the year when asked: "Tue Nov 24 2026" */
export function shortDate(d: LocalDate, withYear = false): string {
  const base = `${WEEKDAYS[d.getDay()]!.slice(0, 3)} ${MONTHS[d.getMonth()]!.slice(0, 3)} ${d.getDate()}`;
  return withYear ? `${base} ${d.getFullYear()}` : base;
}

/** "Tue Nov 24 23:59" */
export function shortStamp(d: LocalDate, withYear = false): string {
  return `${shortDate(d, withYear)} ${clock(d)}`;
}

/** "Tuesday, November 24" */
export function longDate(d: LocalDate): string {
  return `${WEEKDAYS[d.getDay()]}, ${MONTHS[d.getMonth()]} ${d.getDate()}`;
}
