// Interview-scheduling systems: they send invitations on the company's behalf, so an invitation
// from one is an interview, and their addresses are robots, never interviewers. Applicant-tracking
// systems are in ../ats-domains.ts. Subdomains match too (e.g. mail.goodtime.io).
import { domainOf, inDomainSet, isAtsAddress } from '../ats-domains.ts';
import { isPerson } from '../company.ts';

export interface SchedulingSystem {
  name: string;
  domains: readonly string[];
}

export const SCHEDULING_SYSTEMS: readonly SchedulingSystem[] = [
  { name: 'GoodTime', domains: ['goodtime.io'] },
  { name: 'Calendly', domains: ['calendly.com'] },
  { name: 'ModernLoop', domains: ['modernloop.io'] },
  { name: 'Gem', domains: ['gem.com'] },
  { name: 'Paradox', domains: ['paradox.ai'] },
  { name: 'Prelude', domains: ['prelude.co'] },
  { name: 'HireVue', domains: ['hirevue.com'] },
  { name: 'Yello', domains: ['yello.co'] },
];

const SYSTEM_DOMAINS = SCHEDULING_SYSTEMS.map((system) => ({ system, domains: new Set(system.domains) }));

// Calendars that are not people: Google's rooms and resources, and shared or group calendars.
const CALENDAR_ROBOT_DOMAINS: ReadonlySet<string> = new Set(['resource.calendar.google.com', 'group.calendar.google.com', 'calendar.google.com']);

// Scheduling mailboxes a company runs on its own domain (scheduling@acme.com): they send the
// invitation, nobody there takes part in the interview.
const SCHEDULER_MAILBOX = /^(?:scheduling|scheduler|schedule|calendar|calendars|invites?|interview-?scheduling|recruiting-?scheduling)(?:[+.-][^@]*)?@/i;

/** The scheduling system an address (or bare domain) belongs to, if any. */
export function schedulingSystemOf(addressOrDomain: string): SchedulingSystem | undefined {
  const domain = domainOf(addressOrDomain);
  return SYSTEM_DOMAINS.find(({ domains }) => inDomainSet(domain, domains))?.system;
}

export function isCalendarResourceAddress(email: string): boolean {
  return inDomainSet(domainOf(email), CALENDAR_ROBOT_DOMAINS);
}

/** No-reply mailboxes, applicant-tracking and scheduling systems, calendar resources: never
 *  "someone at the company", never an interviewer. */
export function isRobotAddress(email: string): boolean {
  return (
    !isPerson({ email }) ||
    isAtsAddress(email) ||
    schedulingSystemOf(email) !== undefined ||
    isCalendarResourceAddress(email) ||
    SCHEDULER_MAILBOX.test(email)
  );
}
