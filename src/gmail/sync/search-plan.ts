import { ATS_DOMAINS } from '../../core/ats-domains.ts';
import { companyNameWords } from '../../core/company-name.ts';
import type { MailboxQuery } from '../../mailbox/port.ts';
import { SAFE_TERM, type QueryOptions } from '../search-queries.ts';
import type { InterviewSearch, SyncState } from './sync-model.ts';

// Which searches a run must make. The searches are built from keys — each address or domain
// (`v:` from:/to:/cc: terms) and each company name (`c:` applicant-tracking mail naming it) — since
// the query's start. The last run's state covers some keys since some start: only keys it does not
// cover are searched, so a new interview, interviewer or domain runs only its own searches; an
// earlier start runs them all again (their after: changed). Threads already kept are not read again.

function normal(value: string): string {
  return value.trim().toLowerCase().replace(/^@/, '');
}

const companyKey = (company: string) => company.trim().toLowerCase();

/** The keys the searches of this query are made of (search-queries.ts buildSearches). */
export function searchKeys(query: MailboxQuery): string[] {
  const values = [...query.addresses, ...query.domains].map(normal).filter((v) => SAFE_TERM.test(v));
  const companies = query.companies.filter((c) => companyNameWords(c).length > 0).map(companyKey);
  return [...new Set([...values.map((v) => `v:${v}`), ...companies.map((c) => `c:${c}`)])];
}

export function atsDomainsOf(options: QueryOptions): string[] {
  return [...new Set((options.atsDomains ?? ATS_DOMAINS).map(normal).filter((d) => SAFE_TERM.test(d)))].sort();
}

/** Each interview's keys, from the query's owners. */
export function interviewSearches(query: MailboxQuery): Record<string, InterviewSearch> {
  const keys = new Set(searchKeys(query));
  const out: Record<string, InterviewSearch> = {};
  for (const [owned, ids] of Object.entries(query.owners ?? {})) {
    const mine = [`v:${normal(owned)}`, `c:${companyKey(owned)}`].filter((k) => keys.has(k));
    for (const id of ids) {
      const entry = (out[id] ??= { keys: [] });
      for (const k of mine) if (!entry.keys.includes(k)) entry.keys.push(k);
    }
  }
  for (const entry of Object.values(out)) entry.keys.sort();
  return out;
}

/** The interviews these keys are searched for. */
export function ownersOf(query: MailboxQuery, keys: Iterable<string>): string[] {
  const ids = new Set<string>();
  for (const key of keys) for (const id of query.owners?.[key.slice(2)] ?? []) ids.add(id);
  return [...ids].sort();
}

/** A search's keys (search-queries.ts SearchQuery.keys, bare) as search keys. */
export function keysOfSearch(bare: readonly string[], known: ReadonlySet<string>): string[] {
  return bare.flatMap((k) => [`v:${k}`, `c:${k}`].filter((p) => known.has(p)));
}

/** The part of the query made of these keys. */
export function restrictedQuery(query: MailboxQuery, keys: ReadonlySet<string>): MailboxQuery {
  const value = (v: string) => keys.has(`v:${normal(v)}`);
  return {
    addresses: query.addresses.filter(value),
    domains: query.domains.filter(value),
    companies: query.companies.filter((c) => keys.has(`c:${companyKey(c)}`)),
    since: query.since,
    ...(query.owners ? { owners: query.owners } : {}),
  };
}

export interface SearchPlan {
  /** The keys to search for now. */
  keys: Set<string>;
  /** The interviews whose searches run. */
  searched: string[];
  /** Why they run, when the state covered the rest. */
  reason?: string;
}

function describe(ids: string[], previous: SyncState['interviews']): string {
  const why = ids.map((id) => `${id} (${previous[id] === undefined ? 'new interview' : 'new address, domain or company name'})`);
  return `searches ran again for ${why.join(', ')}`;
}

/** What to search, given what the last run covered (nothing, on a full read); `searchAll`: why
 *  every search runs whatever was covered. */
export function planSearches(query: MailboxQuery, now: Record<string, InterviewSearch>, options: QueryOptions, previous?: SyncState, searchAll?: string): SearchPlan {
  const all = searchKeys(query);
  const owners = (keys: ReadonlySet<string>) => Object.keys(now).filter((id) => now[id]!.keys.some((k) => keys.has(k))).sort();
  if (previous === undefined) return { keys: new Set(all), searched: owners(new Set(all)) };
  const { coverage } = previous;
  const earlier = coverage.since.getTime() > query.since.getTime() || coverage.atsDomains.join(' ') !== atsDomainsOf(options).join(' ');
  if (earlier || searchAll !== undefined) {
    const keys = new Set(all);
    return { keys, searched: owners(keys), reason: searchAll ?? 'every search ran again: an interview starts earlier than those searched before' };
  }
  const covered = new Set(coverage.keys);
  const keys = new Set(all.filter((k) => !covered.has(k)));
  const searched = owners(keys);
  return searched.length === 0 ? { keys, searched } : { keys, searched, reason: describe(searched, previous.interviews) };
}
