import { domainOf } from '../core/ats-domains.ts';
import type { Invitation } from '../core/invitation.ts';
import { isPublicMailDomain } from '../core/public-domains.ts';
import type { MailboxQuery } from './port.ts';
import { compileQuery, type CompiledQuery } from './query-match.ts';

/** Whose mail to parse ahead: the expected query, widened by each invitation's people (not mine). */
export class Expecting {
  readonly #base: MailboxQuery;
  readonly #mine: ReadonlySet<string>;
  readonly #mineDomains: ReadonlySet<string>;
  #compiled: CompiledQuery;

  constructor(expect: MailboxQuery | undefined, mine: readonly string[], since: Date) {
    this.#base = expect ?? { addresses: [], domains: [], companies: [], since };
    this.#mine = new Set(mine.map((m) => m.toLowerCase()));
    this.#mineDomains = new Set([...this.#mine].map(domainOf).filter((d) => !isPublicMailDomain(d)));
    this.#compiled = compileQuery(this.#base);
  }

  get query(): CompiledQuery {
    return this.#compiled;
  }

  learn(invitations: readonly Invitation[]): void {
    const people = invitations.flatMap((i) => [i.event.organizer, ...i.event.attendees]).flatMap((p) => (p ? [p.email] : []));
    const addresses = people.filter((e) => !this.#mine.has(e) && isPublicMailDomain(domainOf(e)));
    const domains = people.map(domainOf).filter((d) => !isPublicMailDomain(d) && !this.#mineDomains.has(d));
    const fresh = [...addresses, ...domains].filter((key) => !this.#compiled.addresses.has(key) && !this.#compiled.domains.has(key));
    if (fresh.length === 0) return;
    this.#compiled = compileQuery({ ...this.#base, addresses: [...this.#compiled.addresses, ...addresses], domains: [...this.#compiled.domains, ...domains] });
  }
}

