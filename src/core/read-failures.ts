import { isAtsAddress } from './ats-domains.ts';
import { isCompanyAddress, type CompanyIdentity } from './company.ts';
import type { Interview } from './types.ts';
import { isReadFailure, type Warning } from './warnings.ts';

// Never draft from what was not read: a read failure is attributed to every interview it may
// concern, by the same rule (R3) that says which mail is the company's. Evidence-less failures
// (a file that could not be opened) may concern any interview.

export function mayConcern(warning: Warning, interview: Interview, company: CompanyIdentity): boolean {
  if (!isReadFailure(warning)) return false;
  const evidence = warning.evidence;
  const addresses = evidence?.addresses ?? [];
  const ids = evidence?.interviewIds ?? [];
  const companies = evidence?.companies ?? [];
  if (addresses.length === 0 && ids.length === 0 && companies.length === 0) return true;
  if (ids.includes(interview.id)) return true;
  if (addresses.some((a) => isCompanyAddress(a, company))) return true;
  const named = companies.some((c) => c.trim().toLowerCase() === interview.company.trim().toLowerCase());
  return named && (addresses.length === 0 || addresses.some(isAtsAddress));
}
