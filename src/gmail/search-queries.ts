import { ATS_DOMAINS } from '../core/ats-domains.ts';
import { companyNameWords } from '../core/company-name.ts';
import type { MailboxQuery } from '../mailbox/port.ts';

export interface QueryOptions {
  /** Longest `q` sent; Gmail's limit is undocumented, and long OR lists are split well below it. */
  maxLength?: number;
  atsDomains?: readonly string[];
}

// Values go into Gmail's query language unquoted, so anything that could end a term or open a
// group is refused rather than escaped.
export const SAFE_TERM = /^[a-z0-9._%+'=&#~^!*$?@-]{1,254}$/i;

/** Gmail's `after:` takes epoch seconds. */
export function epochSeconds(date: Date): number {
  return Math.max(0, Math.floor(date.getTime() / 1000));
}

/** The first instant (epoch ms) an `after:` search for `date` finds: the start of its second. */
export function searchedFrom(date: Date): number {
  return epochSeconds(date) * 1000;
}

/** One Gmail `q`, and the addresses, domains and company names it searches for (the MailboxQuery's
 *  owner keys): a thread it finds may concern the interviews those belong to. */
export interface SearchQuery {
  q: string;
  keys: string[];
}

interface Group {
  key: string;
  terms: string[];
}

/** Packs groups of terms into as few queries as fit in maxLength characters each; a group's terms
 *  stay together. */
function pack(groups: Group[], render: (terms: string[]) => string, maxLength: number): SearchQuery[] {
  const queries: SearchQuery[] = [];
  let current: Group[] = [];
  const terms = (list: Group[]): string[] => list.flatMap((g) => g.terms);
  for (const group of groups) {
    if (current.length > 0 && render(terms([...current, group])).length > maxLength) {
      queries.push({ q: render(terms(current)), keys: current.map((g) => g.key) });
      current = [];
    }
    current.push(group);
  }
  if (current.length > 0) queries.push({ q: render(terms(current)), keys: current.map((g) => g.key) });
  return queries;
}

/** A company's name as Gmail words, all required: broader than the engine's rule (the words in a
 *  row, src/core/company-name.ts), never narrower. Each word quoted, so no character of it is syntax. */
function nameTerm(company: string): string | undefined {
  const words = companyNameWords(company.replace(/["\p{Cc}]/gu, ' ').slice(0, 100)).map((w) => `"${w}"`);
  if (words.length === 0) return undefined;
  return words.length === 1 ? words[0] : `(${words.join(' ')})`;
}

/** Applicant-tracking systems write for many companies: their mail matters only when it names one. */
function atsQueries(companies: readonly string[], atsDomains: readonly string[], after: string, maxLength: number): SearchQuery[] {
  const groups = new Map<string, Group>();
  for (const company of companies) {
    const term = nameTerm(company);
    if (term !== undefined && !groups.has(term)) groups.set(term, { key: company.trim().toLowerCase(), terms: [term] });
  }
  const domains = atsDomains.filter((d) => SAFE_TERM.test(d));
  if (groups.size === 0 || domains.length === 0) return [];
  const render = (list: string[]): string => `from:(${domains.join(' OR ')}) (${list.join(' OR ')})${after}`;
  return pack([...groups.values()], render, maxLength);
}

/** Gmail searches for a MailboxQuery: mail from, to or cc any address or domain since the date,
 *  plus applicant-tracking mail naming a company. Dates as epoch seconds: Gmail reads YYYY/MM/DD as
 *  midnight PST (https://developers.google.com/workspace/gmail/api/guides/filtering). */
export function buildSearches(query: MailboxQuery, options: QueryOptions = {}): SearchQuery[] {
  const maxLength = options.maxLength ?? 1500;
  const after = ` after:${epochSeconds(query.since)}`;
  const values = [...query.addresses, ...query.domains]
    .map((v) => v.trim().toLowerCase().replace(/^@/, ''))
    .filter((v) => SAFE_TERM.test(v));
  const groups = [...new Set(values)].map((v) => ({ key: v, terms: [`from:${v}`, `to:${v}`, `cc:${v}`] }));
  return [
    ...pack(groups, (terms) => `{${terms.join(' ')}}${after}`, maxLength),
    ...atsQueries(query.companies, options.atsDomains ?? ATS_DOMAINS, after, maxLength),
  ];
}
