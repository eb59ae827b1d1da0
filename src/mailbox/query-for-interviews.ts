import type { Interview } from '../core/types.ts';
import type { MailboxQuery } from './port.ts';

/** Scheduling mail before an interview still tells where a reply belongs, so look back a while. */
const LOOK_BACK_DAYS = 60;

/** What to read for these interviews (with none, a query that matches nothing). */
export function queryForInterviews(interviews: readonly Interview[]): MailboxQuery {
  const addresses = new Set<string>();
  const domains = new Set<string>();
  for (const interview of interviews) {
    for (const i of interview.interviewers) addresses.add(i.email);
    addresses.add(interview.contact.email);
    for (const d of interview.domains) domains.add(d);
  }
  const earliest = Math.min(...interviews.map((i) => i.start.getTime()));
  return {
    addresses: [...addresses],
    domains: [...domains],
    companies: [...new Set(interviews.map((i) => i.company))],
    since: new Date(Number.isFinite(earliest) ? earliest - LOOK_BACK_DAYS * 86_400_000 : 0),
  };
}
