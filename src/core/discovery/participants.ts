// Who an invitation involves, and which of them are interviewers (issue 6 §2): the organizer and
// the attendees (RFC 5545 §3.8.4.1, §3.8.4.3), minus me, rooms and resources, groups, those who do
// not take part or declined, and robots.
import { domainOf, inDomainSet } from '../ats-domains.ts';
import type { CalendarEvent, CalendarPerson } from '../invitation.ts';
import { isPublicMailDomain } from '../public-domains.ts';
import type { Interviewer, Me } from '../types.ts';
import { nameFromAddress, nameFromCn } from './name-from-address.ts';
import { isRobotAddress } from './scheduling-systems.ts';

/** Every address of mine, and my employer's domains: the non-public domains of my addresses. */
export interface MyIdentity {
  addresses: ReadonlySet<string>;
  domains: ReadonlySet<string>;
}

export function myIdentity(me: Me): MyIdentity {
  const addresses = me.emails.map((email) => email.toLowerCase());
  const domains = addresses.map(domainOf).filter((domain) => domain !== '' && !isPublicMailDomain(domain));
  return { addresses: new Set(addresses), domains: new Set(domains) };
}

export function isMine(email: string, mine: MyIdentity): boolean {
  return mine.addresses.has(email.toLowerCase());
}

/** Someone at my employer (not me): a colleague. */
export function isColleague(email: string, mine: MyIdentity): boolean {
  return !isMine(email, mine) && inDomainSet(domainOf(email), mine.domains);
}

/** The organizer first, then the attendees, each address once. */
export function everyone(event: CalendarEvent): CalendarPerson[] {
  const seen = new Set<string>();
  const people: CalendarPerson[] = [];
  for (const person of [...(event.organizer ? [event.organizer] : []), ...event.attendees]) {
    const email = person.email.toLowerCase();
    if (email === '' || seen.has(email)) continue;
    seen.add(email);
    people.push({ ...person, email });
  }
  return people;
}

/** Takes part in person: not a room, resource or group; not a non-participant; has not declined. */
function takesPart(person: CalendarPerson): boolean {
  const cutype = person.cutype ?? 'INDIVIDUAL';
  if (cutype === 'ROOM' || cutype === 'RESOURCE' || cutype === 'GROUP') return false;
  return person.role !== 'NON-PARTICIPANT' && person.partstat !== 'DECLINED';
}

export interface Interviewers {
  interviewers: Interviewer[];
  /** Some names came from addresses, not from CN. */
  namesGuessed: boolean;
}

export function interviewersOf(event: CalendarEvent, mine: MyIdentity): Interviewers {
  let namesGuessed = false;
  const interviewers: Interviewer[] = [];
  for (const person of everyone(event)) {
    if (isMine(person.email, mine) || !takesPart(person) || isRobotAddress(person.email)) continue;
    const name = nameFromCn(person.name);
    if (name === undefined) namesGuessed = true;
    interviewers.push({ name: name ?? nameFromAddress(person.email), email: person.email, topics: [] });
  }
  return { interviewers, namesGuessed };
}

/** An interviewer's domain that says which company: not a free mail provider. */
export function isCompanyDomain(domain: string): boolean {
  return domain !== '' && !isPublicMailDomain(domain);
}
