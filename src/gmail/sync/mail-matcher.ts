import { ATS_DOMAINS, domainOf, inDomainSet } from '../../core/ats-domains.ts';
import { companyNamePattern, companyNameText } from '../../core/company-name.ts';
import type { Message } from '../../core/types.ts';
import { IGNORED_LABELS } from '../../mailbox/gmail-labels.ts';
import type { MailboxQuery } from '../../mailbox/port.ts';
import { isWantedAddress, type WantedAddresses } from '../../mailbox/wanted-address.ts';
import { SAFE_TERM, searchedFrom, type QueryOptions } from '../search-queries.ts';

// Which mail the interviews' searches find, decided here, from what a read gave: the twin of
// search-queries.ts, never broader than it (so Gmail finds whatever this finds). Both the full read
// and the incremental one keep exactly the threads and drafts this finds, which makes them equal by
// construction: the full read learns what to look at from the searches, the incremental one from
// the mailbox's history.
//   - from:/to:/cc: an address, or a domain with its subdomains (the one rule, wanted-address.ts);
//   - from: an applicant-tracking system, when the message names a company by the engine's rule
//     (company-name.ts: the words in a row), narrower than the search's all-words-anywhere;
//   - after: the query's start, to the second, as the search's epoch seconds are;
//   - never spam, trash or chat (Gmail's searches leave spam and trash out; a chat is never read).

export type MatchFields = Pick<Message, 'from' | 'to' | 'cc' | 'date' | 'labels' | 'subject' | 'text'>;

/** hit: found; ats: from an applicant-tracking system, so its text decides; miss: not found. */
export type Screen = 'hit' | 'ats' | 'miss';

export interface MailMatcher {
  /** Whether the searches find this message of a thread (or this draft), by its headers and text. */
  finds(message: MatchFields): boolean;
  /** The same from the headers alone (format=metadata): an applicant-tracking message is 'ats'
   *  unless its sender's name or subject already names a company. */
  screen(message: MatchFields): Screen;
  /** The search keys (search-plan.ts: `v:` address or domain, `c:` company) that find it: whom a
   *  read failure in its thread may concern. */
  keysOf(message: MatchFields): string[];
}

function searchable(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim().toLowerCase().replace(/^@/, '')).filter((v) => SAFE_TERM.test(v)))];
}

function wantedOf(query: MailboxQuery): WantedAddresses {
  const values = searchable([...query.addresses, ...query.domains]);
  const addresses = new Set(values.filter((v) => v.includes('@')));
  return { addresses, addressDomains: new Set([...addresses].map(domainOf)), domains: new Set(values.filter((v) => !v.includes('@'))) };
}

/** The matched value for an address: itself, or the domain (or parent domain) it is at. */
function keyOfAddress(wanted: WantedAddresses, email: string): string | undefined {
  if (wanted.addresses.has(email)) return email;
  for (let rest = domainOf(email); ; rest = rest.slice(rest.indexOf('.') + 1)) {
    if (wanted.domains.has(rest)) return rest;
    if (!rest.includes('.')) return undefined;
  }
}

export function compileMatcher(query: MailboxQuery, options: QueryOptions = {}): MailMatcher {
  const wanted = wantedOf(query);
  const atsDomains = new Set(searchable(options.atsDomains ?? ATS_DOMAINS));
  // Each company's own pattern, compiled once: keysOf asks which companies every message names.
  const patterns = query.companies.flatMap((c) => {
    const pattern = companyNamePattern([c]);
    return pattern ? [{ key: `c:${c.trim().toLowerCase()}`, pattern }] : [];
  });
  const names = atsDomains.size > 0 ? companyNamePattern(query.companies) : undefined;
  const sinceMs = searchedFrom(query.since);
  const eligible = (m: MatchFields) => m.date.getTime() >= sinceMs && !m.labels.some((l) => IGNORED_LABELS.has(l));
  const people = (m: MatchFields) => [m.from, ...m.to, ...m.cc].flatMap((a) => (a ? [a.email] : []));
  const byAddress = (m: MatchFields) => people(m).some((e) => isWantedAddress(wanted, domainOf(e), () => e));
  const fromAts = (m: MatchFields) => names !== undefined && m.from !== undefined && inDomainSet(domainOf(m.from.email), atsDomains);
  const namesOne = (m: MatchFields) => names !== undefined && names.test(companyNameText(m));
  return {
    finds: (m) => eligible(m) && (byAddress(m) || (fromAts(m) && namesOne(m))),
    screen(m) {
      if (!eligible(m)) return 'miss';
      if (byAddress(m) || (fromAts(m) && namesOne({ ...m, text: '' }))) return 'hit';
      return fromAts(m) ? 'ats' : 'miss';
    },
    keysOf(m) {
      if (!eligible(m)) return [];
      const keys = people(m).flatMap((e) => keyOfAddress(wanted, e) ?? []).map((v) => `v:${v}`);
      if (fromAts(m)) {
        const text = companyNameText(m);
        keys.push(...patterns.filter(({ pattern }) => pattern.test(text)).map(({ key }) => key));
      }
      return [...new Set(keys)];
    },
  };
}
