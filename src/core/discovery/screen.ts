// What can never be an interview (issue 6 §2): a recurring event, an event with no exact time,
// anything involving a domain the user ignores, anything involving a colleague. Whether anyone at a
// company takes part is judged on the interviewers (interview-fields.ts).
import { domainOf, inDomainSet } from '../ats-domains.ts';
import type { Invitation } from '../invitation.ts';
import type { Address } from '../types.ts';
import { everyone, isColleague, type MyIdentity } from './participants.ts';
import { isRobotAddress } from './scheduling-systems.ts';

/** Why this invitation is no interview, or undefined when it may be one. */
export function whyNeverAnInterview(invitation: Invitation, mine: MyIdentity, ignoreDomains: ReadonlySet<string>): string | undefined {
  const { event } = invitation;
  if (event.recurring) return 'a recurring event (RRULE/RDATE): a series, not an interview';
  if (event.timing.kind === 'all-day') return 'an all-day event: an interview has a start time';
  if (event.timing.kind === 'floating') return 'a floating time with no time zone: its instant is unknown';
  const people = [...everyone(event).map((person) => person.email), ...addressesOf(invitation.message.from)];
  const ignored = [...people, ...addressesOf(invitation.message.sender)].find((email) => inDomainSet(domainOf(email), ignoreDomains));
  if (ignored !== undefined) return `it involves ${domainOf(ignored)}, which discovery.ignoreDomains lists`;
  // A robot at my own domain (calendar-notification@google.com for someone at Google) is no colleague.
  const colleague = people.find((email) => isColleague(email, mine) && !isRobotAddress(email));
  if (colleague !== undefined) return `it involves ${colleague}, a colleague at my own domain: not an interview`;
  return undefined;
}

function addressesOf(address: Address | undefined): string[] {
  return address ? [address.email.toLowerCase()] : [];
}
