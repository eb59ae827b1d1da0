import { isFromMe } from './company.ts';
import type { Address, Me, Thread } from './types.ts';

// A draft is written from the address of mine the conversation uses: the one the company wrote to
// in that thread, else the one I used there, else my first address (R3, issue: who writes).

function mineIn(addresses: readonly Address[], me: Me): string | undefined {
  return addresses.find((a) => me.emails.includes(a.email))?.email;
}

export function myAddressFor(thread: Thread | undefined, me: Me): Address {
  const messages = [...(thread?.messages ?? [])].reverse();
  const writtenTo = messages.filter((m) => !isFromMe(m, me)).map((m) => mineIn([...m.to, ...m.cc], me)).find((e) => e !== undefined);
  const used = messages.filter((m) => isFromMe(m, me)).map((m) => m.from?.email).find((e) => e !== undefined);
  const email = writtenTo ?? used ?? me.emails[0];
  if (email === undefined) throw new Error('me.emails is empty: a draft needs an address to be written from');
  return { name: me.name, email };
}
