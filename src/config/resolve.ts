// Applies the defaults that depend on other fields (time zone, domains, contact); constant defaults
// are already filled in by the schema.
import { domainOf } from '../core/ats-domains.ts';
import type { Address, Interview, Interviewer } from '../core/types.ts';
import { isPublicMailDomain } from '../core/public-domains.ts';
import type { ParsedConfig } from './schema.ts';
import { canonicalTimeZone } from './time-zone.ts';
import type { Config } from './types.ts';

type ParsedInterview = ParsedConfig['interviews'][number];
type ParsedContact = NonNullable<ParsedInterview['contact']>;

export interface ResolveOptions {
  file: string;
  /** Used when the file names no time zone. */
  systemTimeZone: string;
}

export function resolveConfig(parsed: ParsedConfig, options: ResolveOptions): Config {
  return {
    file: options.file,
    me: {
      ...(parsed.me.name ? { name: parsed.me.name } : {}),
      emails: unique(parsed.me.emails.map(lower)),
      ...(parsed.me.phone ? { phone: parsed.me.phone } : {}),
    },
    timezone: canonicalTimeZone(parsed.timezone ?? options.systemTimeZone),
    interviews: parsed.interviews.map(resolveInterview),
    policy: { ...parsed.policy, holidays: [...parsed.policy.holidays] },
    discovery: {
      mode: parsed.discovery.mode,
      ignore: [...parsed.discovery.ignore],
      ignoreDomains: unique(parsed.discovery.ignoreDomains.map(lower)),
      days: parsed.discovery.days,
    },
    gmail: { ...parsed.gmail },
  };
}

function resolveInterview(parsed: ParsedInterview): Interview {
  const interviewers: Interviewer[] = parsed.interviewers.map((person) => ({
    name: person.name,
    email: lower(person.email),
    topics: [...person.topics],
  }));
  return {
    id: parsed.id,
    company: parsed.company,
    ...(parsed.role === undefined ? {} : { role: parsed.role }),
    start: new Date(parsed.start),
    durationMinutes: parsed.durationMinutes,
    interviewers,
    domains: unique((parsed.domains ?? companyDomains(interviewers)).map(lower)),
    contact: resolveContact(parsed.contact, interviewers),
    ...(parsed.decisionExpected === undefined ? {} : { decisionExpected: parsed.decisionExpected }),
    source: 'config',
    ...(parsed.invite === undefined ? {} : { invite: parsed.invite }),
  };
}

/** The interviewers' own domains, except free mail providers. */
export function companyDomains(interviewers: readonly Interviewer[]): string[] {
  const domains = interviewers.map((person) => domainOf(person.email));
  return unique(domains.filter((domain) => domain !== '' && !isPublicMailDomain(domain)));
}

function resolveContact(contact: ParsedContact | undefined, interviewers: Interviewer[]): Address {
  const given = typeof contact === 'string' ? { email: contact } : contact;
  const email = given ? lower(given.email) : interviewers[0]?.email;
  if (email === undefined) throw new Error('an interview without interviewers passed validation');
  const name = given?.name ?? interviewers.find((person) => person.email === email)?.name;
  return name === undefined ? { email } : { name, email };
}

function lower(text: string): string {
  return text.toLowerCase();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
