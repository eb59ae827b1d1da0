import { ATS_DOMAINS } from '../core/ats-domains.ts';
import type { MailboxQuery } from '../mailbox/port.ts';

export interface QueryOptions {
  /** Longest `q` sent; Gmail's limit is undocumented, and long OR lists are split well below it. */
  maxLength?: number;
  atsDomains?: readonly string[];
}

// Values go into Gmail's query language unquoted, so anything that could end a term or open a
// group is refused rather than escaped.
const SAFE_TERM = /^[a-z0-9._%+'=&#~^!*$?@-]{1,254}$/i;

function epochSeconds(date: Date): number {
  return Math.max(0, Math.floor(date.getTime() / 1000));
}

/** Packs groups of terms into as few queries as fit in maxLength characters each; a group's terms
 *  stay together. */
function pack(groups: string[][], render: (terms: string[]) => string, maxLength: number): string[] {
  const queries: string[] = [];
  let current: string[] = [];
  for (const group of groups) {
    if (current.length > 0 && render([...current, ...group]).length > maxLength) {
      queries.push(render(current));
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) queries.push(render(current));
  return queries;
}

function phrase(company: string): string | undefined {
  const clean = company.replace(/["\p{Cc}]/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 100);
  return clean === '' ? undefined : `"${clean}"`;
}

/** Applicant-tracking systems write for many companies: their mail matters only when it names one. */
function atsQueries(companies: readonly string[], atsDomains: readonly string[], after: string, maxLength: number): string[] {
  const phrases = [...new Set(companies.map(phrase).filter((p): p is string => p !== undefined))];
  const domains = atsDomains.filter((d) => SAFE_TERM.test(d));
  if (phrases.length === 0 || domains.length === 0) return [];
  const render = (list: string[]): string => `from:(${domains.join(' OR ')}) (${list.join(' OR ')})${after}`;
  return pack(phrases.map((p) => [p]), render, maxLength);
}

/** Gmail `q` strings for a MailboxQuery: mail from, to or cc any address or domain since the date,
 *  plus applicant-tracking mail naming a company. Dates as epoch seconds: Gmail reads YYYY/MM/DD as
 *  midnight PST (https://developers.google.com/workspace/gmail/api/guides/filtering). */
export function buildSearchQueries(query: MailboxQuery, options: QueryOptions = {}): string[] {
  const maxLength = options.maxLength ?? 1500;
  const after = ` after:${epochSeconds(query.since)}`;
  const values = [...query.addresses, ...query.domains]
    .map((v) => v.trim().toLowerCase().replace(/^@/, ''))
    .filter((v) => SAFE_TERM.test(v));
  const groups = [...new Set(values)].map((v) => [`from:${v}`, `to:${v}`, `cc:${v}`]);
  return [
    ...pack(groups, (terms) => `{${terms.join(' ')}}${after}`, maxLength),
    ...atsQueries(query.companies, options.atsDomains ?? ATS_DOMAINS, after, maxLength),
  ];
}
