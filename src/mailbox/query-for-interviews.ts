import { DAY_MS } from '../core/calendar.ts';
import type { Interview } from '../core/types.ts';
import type { MailboxQuery } from './port.ts';

/** Scheduling mail before an interview still tells where a reply belongs, so look back a while. */
export const LOOK_BACK_DAYS = 60;

/** What to read for these interviews (with none, a query that matches nothing). */
export function queryForInterviews(interviews: readonly Interview[]): MailboxQuery {
  const addresses = new Set<string>();
  const domains = new Set<string>();
  const owners: Record<string, string[]> = {};
  const own = (key: string, id: string): void => {
    const list = (owners[key.trim().toLowerCase()] ??= []);
    if (!list.includes(id)) list.push(id);
  };
  for (const interview of interviews) {
    for (const email of [...interview.interviewers.map((i) => i.email), interview.contact.email]) {
      addresses.add(email);
      own(email, interview.id);
    }
    for (const d of interview.domains) {
      domains.add(d);
      own(d, interview.id);
    }
    own(interview.company, interview.id);
  }
  const earliest = Math.min(...interviews.map((i) => i.start.getTime()));
  return {
    addresses: [...addresses],
    domains: [...domains],
    companies: [...new Set(interviews.map((i) => i.company))],
    since: new Date(Number.isFinite(earliest) ? earliest - LOOK_BACK_DAYS * DAY_MS : 0),
    owners,
  };
}
