import { domainOf, isAtsAddress } from '../core/ats-domains.ts';
import { companyNamePattern } from '../core/company-name.ts';
import { addressAt, blockAddresses, someAddressDomain } from './header-addresses.ts';
import { headerBlock, headerText, headerValue } from './header-scan.ts';
import { IGNORED_LABELS, mapTakeoutLabels } from './gmail-labels.ts';
import type { MailboxQuery } from './port.ts';
import { isWantedAddress } from './wanted-address.ts';

export interface CompiledQuery {
  addresses: ReadonlySet<string>;
  /** The domains of `addresses`, so most messages are ruled out on the domain alone. */
  addressDomains: ReadonlySet<string>;
  domains: ReadonlySet<string>;
  /** Matches any of the companies by the engine's rule (src/core/company-name.ts); undefined when there are none. */
  companies?: RegExp;
  /** Each company's own pattern, to say which ones an unreadable message names. */
  companyPatterns: ReadonlyMap<string, RegExp>;
  since: Date;
}

/** hit: the message involves the query; ats: from an applicant-tracking system, so it counts only
 *  if it names a company (its body has to be read to know); miss: not wanted. */
export type Verdict = 'hit' | 'ats' | 'miss';

export function compileQuery(query: MailboxQuery): CompiledQuery {
  const lower = (values: readonly string[]): string[] =>
    values.map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
  const addresses = new Set(lower(query.addresses));
  const companyPatterns = new Map(query.companies.flatMap((c) => {
    const pattern = companyNamePattern([c]);
    return pattern ? [[c, pattern] as const] : [];
  }));
  return {
    addresses,
    addressDomains: new Set([...addresses].map(domainOf)),
    domains: new Set(lower(query.domains).map((d) => d.replace(/^@/, ''))),
    companies: companyNamePattern(query.companies),
    companyPatterns,
    since: query.since,
  };
}

/** Decides from the header block alone whether a message (or its start, header block included) may
 *  be wanted. `seen`, when given, is shown every address of the block on the same walk (the
 *  invitation pass indexes them). */
export function screenHeaders(message: Buffer, query: CompiledQuery, seen?: (domain: string, address: () => string) => void): Verdict {
  const block = headerBlock(message);
  let ats = false;
  let wanted = false;
  someAddressDomain(block, (domain, at, isFrom) => {
    const address = () => addressAt(block, at);
    seen?.(domain, address);
    if (!wanted && isWantedAddress(query, domain, address)) wanted = true;
    else if (isFrom && query.companies !== undefined && isAtsAddress(domain)) ats = true;
    return wanted && seen === undefined;
  });
  if (!wanted && !ats) return 'miss';
  const head = headerText(block);
  if (hasIgnoredLabel(head) || isBeforeSince(head, query.since)) return 'miss';
  if (wanted) return 'hit';
  // The header alone may already name the company (a broader look than the engine's, never narrower).
  return query.companies !== undefined && query.companies.test(head) ? 'hit' : 'ats';
}

const MAX_EVIDENCE_BYTES = 1024 * 1024;

/** What an unreadable message may concern: the addresses in its header block, and the companies its
 *  bytes name (for mail from applicant-tracking systems). */
export function unreadEvidence(message: Buffer, query: CompiledQuery): { addresses: string[]; companies: string[] } {
  const text = message.toString('latin1', 0, Math.min(message.length, MAX_EVIDENCE_BYTES));
  const companies = [...query.companyPatterns].filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  return { addresses: blockAddresses(headerBlock(message)), companies };
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
