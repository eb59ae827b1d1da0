import { domainOf, inDomainSet, isAtsAddress } from './ats-domains.ts';
import { companyNamePattern, namesCompany } from './company-name.ts';
import type { Address, Interview, Me, Message } from './types.ts';

// R3: who speaks for the company — its interviewers, the contact, its domains, and applicant-tracking
// systems when the message names the company. A public-mail address that is none of those does not.

export function isFromMe(message: Message, me: Me): boolean {
  return message.labels.includes('SENT') || (message.from !== undefined && me.emails.includes(message.from.email));
}

/** Who speaks for the company, as sets: built once per interview, asked once per message. */
export interface CompanyIdentity {
  addresses: ReadonlySet<string>;
  /** Subdomains match too. */
  domains: ReadonlySet<string>;
  /** Its name as company-name.ts matches it, for mail from applicant-tracking systems. */
  name: RegExp | undefined;
}

export function companyIdentity(interview: Interview): CompanyIdentity {
  return {
    addresses: new Set([...interview.interviewers.map((i) => i.email), interview.contact.email]),
    domains: new Set(interview.domains),
    name: companyNamePattern([interview.company]),
  };
}

export function isCompanyAddress(email: string, company: CompanyIdentity): boolean {
  return company.addresses.has(email) || inDomainSet(domainOf(email), company.domains);
}

export function isCompanyMessage(message: Message, me: Me, company: CompanyIdentity): boolean {
  const from = message.from;
  if (!from || isFromMe(message, me)) return false;
  if (isCompanyAddress(from.email, company)) return true;
  return isAtsAddress(from.email) && namesCompany(message, company.name);
}

export function isMineToCompany(message: Message, me: Me, company: CompanyIdentity): boolean {
  if (!isFromMe(message, me)) return false;
  return [...message.to, ...message.cc].some((a) => isCompanyAddress(a.email, company));
}

const NO_REPLY = /^(no-?reply|do-?not-?reply|donotreply|notifications?|mailer-daemon|postmaster|bounce[s]?|jobs-noreply|careers-noreply)([+.-].*)?@/i;

/** A person one can answer: not an applicant-tracking system, not a no-reply mailbox (R7). */
export function isPerson(address: Address): boolean {
  return !isAtsAddress(address.email) && !NO_REPLY.test(address.email);
}
