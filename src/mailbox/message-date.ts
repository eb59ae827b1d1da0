import { MONTHS } from '../core/local-format.ts';

// Dates from untrusted headers: a Date header (RFC 5322 §3.3) and the date on an mbox From_ line.

const COMMENTS = /\([^()]{0,200}\)/g;

/** The instant a Date header names, or undefined when it is not a usable date. */
export function parseDateHeader(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim().slice(0, 200);
  if (trimmed === '') return undefined;
  let time = Date.parse(trimmed);
  if (Number.isNaN(time)) time = Date.parse(trimmed.replace(COMMENTS, ' ').trim());
  return Number.isNaN(time) ? undefined : new Date(time);
}

const MONTH_ABBREVIATIONS = MONTHS.map((m) => m.slice(0, 3).toLowerCase());
// "From 1781234567890123456@xxx Wed Nov 18 15:00:00 +0000 2026" (Takeout) or asctime without a zone.
const FROM_LINE_DATE =
  /^From \S{0,400} +(?:[a-z]{3},? +)?([a-z]{3}) +(\d{1,2}) +(\d{1,2}):(\d{2})(?::(\d{2}))?(?: +([+-]\d{4}|[a-z]{1,5}))? +(\d{4})/i;

/** The date on an mbox From_ line ("From sender Wed Nov 18 15:00:00 +0000 2026"); UTC when it has no zone. */
export function parseFromLineDate(line: string): Date | undefined {
  const m = FROM_LINE_DATE.exec(line.slice(0, 600));
  if (m === null) return undefined;
  const month = MONTH_ABBREVIATIONS.indexOf(m[1]!.toLowerCase());
  if (month === -1) return undefined;
  const zone = m[6] ?? '';
  const offsetMinutes = /^[+-]\d{4}$/.test(zone)
    ? (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)))
    : 0;
  const utc = Date.UTC(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0));
  const date = new Date(utc - offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
