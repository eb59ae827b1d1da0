import { inDomains, isAtsAddress } from './ats-domains.ts';
import type { Address, Interview, Me, Message } from './types.ts';

// R3: who speaks for the company — its interviewers, the contact, its domains, and applicant-tracking
// systems when the message names the company. A public-mail address that is none of those does not.

export function isFromMe(message: Message, me: Me): boolean {
  return message.labels.includes('SENT') || (message.from !== undefined && me.emails.includes(message.from.email));
}

export function companyAddresses(interview: Interview): Set<string> {
  return new Set([...interview.interviewers.map((i) => i.email), interview.contact.email]);
}

export function isCompanyAddress(email: string, interview: Interview, known = companyAddresses(interview)): boolean {
  return known.has(email) || inDomains(email, interview.domains);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function namesCompany(message: Message, company: string): boolean {
  const name = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(company)}($|[^\\p{L}\\p{N}])`, 'iu');
  const where = `${message.from?.name ?? ''}\n${message.subject}\n${message.text.slice(0, 20_000)}`;
  return name.test(where);
}

export function isCompanyMessage(message: Message, interview: Interview, me: Me, known = companyAddresses(interview)): boolean {
  const from = message.from;
  if (!from || isFromMe(message, me)) return false;
  if (isCompanyAddress(from.email, interview, known)) return true;
  return isAtsAddress(from.email) && namesCompany(message, interview.company);
}

export function isMineToCompany(message: Message, interview: Interview, me: Me, known = companyAddresses(interview)): boolean {
  if (!isFromMe(message, me)) return false;
  return [...message.to, ...message.cc].some((a) => isCompanyAddress(a.email, interview, known));
}

const NO_REPLY = /^(no-?reply|do-?not-?reply|donotreply|notifications?|mailer-daemon|postmaster|bounce[s]?|jobs-noreply|careers-noreply)([+.-].*)?@/i;

/** A person one can answer: not an applicant-tracking system, not a no-reply mailbox (R7). */
export function isPerson(address: Address): boolean {
  return !isAtsAddress(address.email) && !NO_REPLY.test(address.email);
}
