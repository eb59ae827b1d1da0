// The id of an interview found in an invitation. Drafts are remembered by it, so it must survive
// reschedules and re-reads: the company, the local date of the first version's start, and a hash
// of the UID — `acme-corp-2026-11-18-3f9a`. It matches the config's id pattern.
import { calendarOf, localDay } from '../calendar.ts';
import { fnv1aHex } from './fnv1a.ts';

export const INTERVIEW_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const SLUG_LENGTH = 24;

/** "Acme Corp" → "acme-corp": lower-case ASCII letters, digits and dashes, at most 24 characters. */
export function companySlug(company: string): string {
  const full = company
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full === '') return 'interview';
  if (full.length <= SLUG_LENGTH) return full;
  // Cut between words when one fits: "international-business", not "international-business-m".
  const cut = full.slice(0, SLUG_LENGTH);
  const lastDash = cut.lastIndexOf('-');
  return full[SLUG_LENGTH] === '-' || lastDash < SLUG_LENGTH / 2 ? cut.replace(/-+$/, '') : cut.slice(0, lastDash);
}

/** `hashLength` 4 normally; 8 when two UIDs would otherwise share an id. */
export function interviewId(args: { company: string; firstStart: Date; timezone: string; uid: string; hashLength?: 4 | 8 }): string {
  const day = localDay(args.firstStart, calendarOf(args.timezone, []));
  return `${companySlug(args.company)}-${day}-${fnv1aHex(args.uid).slice(0, args.hashLength ?? 4)}`;
}
