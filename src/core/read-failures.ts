import { isAtsAddress } from './ats-domains.ts';
import { isCompanyAddress, type CompanyIdentity } from './company.ts';
import type { Interview, Thread } from './types.ts';
import { isReadFailure, type Warning } from './warnings.ts';

// Never draft from what was not read: a read failure is attributed to every interview it may
// concern, by the same rule (R3) that says which mail is the company's. Evidence-less failures
// (a file that could not be opened) may concern any interview.

/** `threadsOfInterview`: the ids of the threads read that hold mail from or to the company. */
export function mayConcern(warning: Warning, interview: Interview, company: CompanyIdentity, threadsOfInterview: ReadonlySet<string> = new Set()): boolean {
  if (!isReadFailure(warning)) return false;
  const evidence = warning.evidence;
  const addresses = evidence?.addresses ?? [];
  const ids = evidence?.interviewIds ?? [];
  const companies = evidence?.companies ?? [];
  const threads = evidence?.threadIds ?? [];
  if (addresses.length === 0 && ids.length === 0 && companies.length === 0 && threads.length === 0) return true;
  if (ids.includes(interview.id)) return true;
  if (threads.some((t) => threadsOfInterview.has(t))) return true;
  if (addresses.some((a) => isCompanyAddress(a, company))) return true;
  const named = companies.some((c) => c.trim().toLowerCase() === interview.company.trim().toLowerCase());
  return named && (addresses.length === 0 || addresses.some(isAtsAddress));
}

/** The threads that hold mail from or to the company (R3's addresses and domains). */
export function threadsOf(company: CompanyIdentity, threads: readonly Thread[]): Set<string> {
  const involves = (email: string | undefined) => email !== undefined && isCompanyAddress(email, company);
  return new Set(threads.filter((t) => t.messages.some((m) => [m.from, ...m.to, ...m.cc].some((a) => involves(a?.email)))).map((t) => t.id));
}
