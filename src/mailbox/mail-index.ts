import { inDomainSet, isAtsAddress } from '../core/ats-domains.ts';
import { isPublicMailDomain } from '../core/public-domains.ts';
import type { MailboxQuery } from './port.ts';

// Where each message of an input is, and which addresses its headers name: built on the one pass
// that looks for invitations, so the mail about the interviews found there (unknown until the pass
// ends) is then read by position instead of by a second pass. An address is kept by its domain —
// by the whole address at a free mail provider, where the domain says nothing.

export interface MessagePlace {
  /** Index of the input's source (file or archive entry) it is in. */
  source: number;
  /** Byte range in that source: its mbox From_ line up to the next one; the whole .eml file. */
  start: number;
  end: number;
}

export class MailIndex {
  readonly places: MessagePlace[] = [];
  readonly #byKey = new Map<string, number[]>();
  /** Messages dated before this were passed over (no read wants them); a read reaching further
   *  back cannot use the index. */
  readonly coveredSince: Date;
  /** Messages seen, indexed or not. */
  messages = 0;

  constructor(coveredSince: Date = new Date(0)) {
    this.coveredSince = coveredSince;
  }

  /** A new message begins; returns its number (-1 when it is not indexed). The previous one of
   *  that source ends here. */
  begin(source: number, start: number, indexed = true): number {
    this.messages++;
    const previous = this.places.at(-1);
    if (previous && previous.source === source && previous.end < 0) previous.end = start;
    if (!indexed) return -1;
    this.places.push({ source, start, end: -1 });
    return this.places.length - 1;
  }

  /** The source has ended at `end`: its last message ends there. */
  endSource(source: number, end: number): void {
    const last = this.places.at(-1);
    if (last && last.source === source && last.end < 0) last.end = end;
  }

  /** The message names this address (domain lower-cased). */
  note(message: number, domain: string, address: () => string): void {
    if (message < 0) return;
    const key = isPublicMailDomain(domain) ? address() : domain;
    const list = this.#byKey.get(key);
    if (list === undefined) this.#byKey.set(key, [message]);
    else if (list.at(-1) !== message) list.push(message);
  }

  /** Every message whose headers may match the query (the header screen then decides): its
   *  addresses, its domains and their subdomains, and applicant-tracking mail when it names companies. */
  lookup(query: MailboxQuery): MessagePlace[] {
    const domains = new Set(query.domains.map((d) => d.toLowerCase().replace(/^@/, '')));
    const addresses = new Set(query.addresses.map((a) => a.toLowerCase()));
    for (const a of addresses) domains.add(a.slice(a.lastIndexOf('@') + 1));
    const wanted = new Set<number>();
    for (const [key, messages] of this.#byKey) {
      const isAddress = key.includes('@');
      const hit = isAddress ? addresses.has(key) : inDomainSet(key, domains) || (query.companies.length > 0 && isAtsAddress(key));
      if (hit) for (const m of messages) wanted.add(m);
    }
    return [...wanted].sort((a, b) => a - b).map((m) => this.places[m]!);
  }
}
