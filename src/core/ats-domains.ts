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

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function inDomains(email: string, domains: readonly string[]): boolean {
  const domain = domainOf(email);
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export function isAtsAddress(email: string): boolean {
  return inDomains(email, ATS_DOMAINS);
}
