import { domainOf, inDomainSet, isAtsAddress } from '../core/ats-domains.ts';
import { addressAt, someAddressDomain } from './header-addresses.ts';
import { headerBlock, headerText, headerValue } from './header-scan.ts';
import { IGNORED_LABELS, mapTakeoutLabels } from './gmail-labels.ts';
import type { MailboxQuery } from './port.ts';

export interface CompiledQuery {
  addresses: ReadonlySet<string>;
  /** The domains of `addresses`, so most messages are ruled out on the domain alone. */
  addressDomains: ReadonlySet<string>;
  domains: ReadonlySet<string>;
  /** Matches any of the companies as a whole word, case-insensitively; undefined when there are none. */
  companies?: RegExp;
  since: Date;
}

/** hit: the message involves the query; ats: from an applicant-tracking system, so it counts only
 *  if it names a company (its body has to be read to know); miss: not wanted. */
export type Verdict = 'hit' | 'ats' | 'miss';

export function compileQuery(query: MailboxQuery): CompiledQuery {
  const lower = (values: readonly string[]): string[] =>
    values.map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
  // A name may be broken over lines in a body: any run of white space matches its spaces.
  const names = lower(query.companies).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  const addresses = new Set(lower(query.addresses));
  return {
    addresses,
    addressDomains: new Set([...addresses].map(domainOf)),
    domains: new Set(lower(query.domains).map((d) => d.replace(/^@/, ''))),
    companies:
      names.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
    since: query.since,
  };
}

/** Decides from the header block alone whether a message (or its start, header block included) may
 *  be wanted. */
export function screenHeaders(message: Buffer, query: CompiledQuery): Verdict {
  const block = headerBlock(message);
  let ats = false;
  const hit = someAddressDomain(block, (domain, at, isFrom) => {
    if (inDomainSet(domain, query.domains)) return true;
    if (query.addressDomains.has(domain) && query.addresses.has(addressAt(block, at))) return true;
    if (isFrom && query.companies !== undefined && isAtsAddress(domain)) ats = true;
    return false;
  });
  if (!hit && !ats) return 'miss';
  const head = headerText(block);
  if (hasIgnoredLabel(head) || isBeforeSince(head, query.since)) return 'miss';
  if (hit) return 'hit';
  return namesCompany(head, query) ? 'hit' : 'ats';
}

export function namesCompany(text: string, query: CompiledQuery): boolean {
  return query.companies !== undefined && query.companies.test(text);
}

function hasIgnoredLabel(head: string): boolean {
  const labels = headerValue(head, 'x-gmail-labels');
  return labels !== undefined && mapTakeoutLabels(labels).some((label) => IGNORED_LABELS.has(label));
}

/** Only a valid Date header can rule a message out here; mailparser's date decides the rest. */
function isBeforeSince(head: string, since: Date): boolean {
  const value = headerValue(head, 'date');
  if (value === undefined) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && time < since.getTime();
}
