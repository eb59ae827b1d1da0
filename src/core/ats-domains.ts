// Applicant-tracking systems send on the company's behalf (R3): their mail counts as the company's
// when it names the company. Subdomains match too (e.g. us.greenhouse-mail.io).
export const ATS_DOMAINS: readonly string[] = [
  'greenhouse.io',
  'greenhouse-mail.io',
  'lever.co',
  'hire.lever.co',
  'myworkday.com',
  'workday.com',
  'myworkdayjobs.com',
  'ashbyhq.com',
  'smartrecruiters.com',
  'icims.com',
  'workable.com',
  'workablemail.com',
  'jobvite.com',
  'bamboohr.com',
  'recruitee.com',
  'teamtailor.com',
  'teamtailor-mail.com',
  'breezy.hr',
  'applytojob.com',
  'jazzhr.com',
  'successfactors.com',
  'taleo.net',
  'rippling.com',
  'pinpointhq.com',
  'personio.de',
  'personio.com',
];

const ATS_SET: ReadonlySet<string> = new Set(ATS_DOMAINS);

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** True when the domain (lower-cased) or one of its parent domains is in `domains`. */
export function inDomainSet(domain: string, domains: ReadonlySet<string>): boolean {
  if (domains.size === 0) return false;
  let rest = domain;
  for (;;) {
    if (domains.has(rest)) return true;
    const dot = rest.indexOf('.');
    if (dot === -1) return false;
    rest = rest.slice(dot + 1);
  }
}

/** True for an address (or bare domain) at an applicant-tracking system, subdomains included. */
export function isAtsAddress(addressOrDomain: string): boolean {
  return inDomainSet(domainOf(addressOrDomain), ATS_SET);
}
