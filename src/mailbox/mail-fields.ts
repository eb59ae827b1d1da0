import type { AddressObject, EmailAddress } from 'mailparser';
import { RULE_HEADERS, type Address } from '../core/types.ts';

// mailparser's view of a message turned into ours, one way for every adapter (mbox, .eml, Gmail,
// the .eml drafts folder).

const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

/** Every address of a header, groups flattened, lower-cased; anything that is not an address dropped. */
export function addressesOf(field: AddressObject | AddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  const visit = (entry: EmailAddress): void => {
    if (entry.group !== undefined) entry.group.forEach(visit);
    const email = entry.address?.trim().toLowerCase();
    if (email && EMAIL_SHAPE.test(email)) out.push(entry.name ? { name: entry.name, email } : { email });
  };
  for (const object of field === undefined ? [] : [field].flat()) object.value.forEach(visit);
  return out;
}

/** The headers the rules read (RULE_HEADERS), from whatever form the adapter holds headers in. */
export function ruleHeadersFrom(lookup: (lowerCaseName: string) => string | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of RULE_HEADERS) {
    const value = lookup(name);
    if (value !== undefined) kept[name] = value.trim();
  }
  return kept;
}
