// An interview's fields as one version of an invitation gives them (issue 6 §2): the time from the
// event, the interviewers from its people, the company and job title from its title, else the
// company from the contact's domain.
import { domainOf } from '../ats-domains.ts';
import type { Invitation } from '../invitation.ts';
import type { Address, Interviewer, Me } from '../types.ts';
import { companyFromDomain } from './company-from-domain.ts';
import { nameFromAddress } from './name-from-address.ts';
import { interviewersOf, isCompanyDomain, type MyIdentity } from './participants.ts';
import { titleParts } from './title-parts.ts';
import type { GuessedField } from './types.ts';

/** When the event gives no end, or one before its start: the config's default length. */
export const DEFAULT_DURATION_MINUTES = 60;

export interface InterviewFields {
  start: Date;
  durationMinutes: number;
  interviewers: Interviewer[];
  /** The interviewers' non-public domains. */
  domains: string[];
  contact: Address;
  company: string;
  role?: string;
  guessed: GuessedField[];
}

/** The fields, or undefined when nobody at a company takes part (then there is no contact). */
export function interviewFields(invitation: Invitation, me: Me, mine: MyIdentity): InterviewFields | undefined {
  const { event } = invitation;
  if (event.timing.kind !== 'timed') return undefined;
  const { interviewers, namesGuessed } = interviewersOf(event, mine);
  const atCompany = interviewers.filter((person) => isCompanyDomain(domainOf(person.email)));
  const organizer = atCompany.find((person) => person.email === event.organizer?.email.toLowerCase());
  const contactPerson = organizer ?? atCompany[0];
  if (contactPerson === undefined) return undefined;
  const people = [me.name, ...me.emails.map(nameFromAddress), ...interviewers.map((person) => person.name)];
  const fromTitle = titleParts(event.summary, people);
  const minutes = Math.round((event.timing.end.getTime() - event.timing.start.getTime()) / 60_000);
  const guessed: GuessedField[] = [];
  if (fromTitle.company === undefined) guessed.push('company');
  if (namesGuessed) guessed.push('interviewer-names');
  if (minutes <= 0) guessed.push('duration');
  return {
    start: event.timing.start,
    durationMinutes: minutes > 0 ? minutes : DEFAULT_DURATION_MINUTES,
    interviewers,
    domains: [...new Set(atCompany.map((person) => domainOf(person.email)))],
    contact: { name: contactPerson.name, email: contactPerson.email },
    company: fromTitle.company ?? companyFromDomain(domainOf(contactPerson.email)),
    ...(fromTitle.role === undefined ? {} : { role: fromTitle.role }),
    guessed,
  };
}
