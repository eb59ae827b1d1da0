import { inDomainSet } from '../core/ats-domains.ts';

/** The addresses and domains an interview's mail involves, lower-cased. `addressDomains` are the
 *  domains of `addresses`, so that most addresses are ruled out on their domain alone. */
export interface WantedAddresses {
  addresses: ReadonlySet<string>;
  addressDomains: ReadonlySet<string>;
  domains: ReadonlySet<string>;
}

/** The one rule for which addresses the interviews' mail involves, used by the mbox header screen
 *  and the Gmail sync (the local twin of the searches' from:/to:/cc: terms): the address itself, or
 *  any address at one of the domains, subdomains included (R3). `address` is asked for only when the
 *  domain alone does not decide. */
export function isWantedAddress(wanted: WantedAddresses, domain: string, address: () => string): boolean {
  if (inDomainSet(domain, wanted.domains)) return true;
  return wanted.addressDomains.has(domain) && wanted.addresses.has(address());
}
