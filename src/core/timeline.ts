import { isAutoReply, isCalendarResponse } from './auto-reply.ts';
import { isAtsAddress } from './ats-domains.ts';
import { companyIdentity, isCompanyAddress, isCompanyMessage, isFromMe, isMineToCompany, type CompanyIdentity } from './company.ts';
import type { EvidenceLine, Interview, Me, Message, ParentRef, Thread } from './types.ts';

/** One interview's share of the mailbox, as of `now`. */
export interface Timeline {
  interview: Interview;
  end: Date;
  /** Real company messages since the start (R3), oldest first; automatic replies excluded. */
  companyMessages: Message[];
  /** Automatic replies from the company since the start. */
  autoReplies: Message[];
  /** My messages to the company since the start, oldest first; my automatic replies and calendar
   *  responses are not messages I wrote. */
  mine: Message[];
  /** All threads as of now, for choosing where a reply goes. */
  threads: Thread[];
  /** Every message in the interview's window and what it counted as (--verbose). */
  evidence: EvidenceLine[];
}

function companyKey(interview: Interview): string {
  return interview.company.trim().toLowerCase();
}

/** Two interviews at one company: each owns the messages from its start until the next one's start. */
export function windowEnd(interview: Interview, all: readonly Interview[]): Date | undefined {
  const later = all
    .filter((o) => o !== interview && companyKey(o) === companyKey(interview) && o.start > interview.start)
    .map((o) => o.start.getTime());
  return later.length > 0 ? new Date(Math.min(...later)) : undefined;
}

/** Threads as they stood at `now`: later messages have not happened yet from that point of view.
 *  Adapters deliver messages oldest first (the Mailbox port), so the order is kept. */
export function threadsAsOf(threads: readonly Thread[], now: Date): Thread[] {
  return threads
    .map((t) => ({ id: t.id, messages: t.messages.filter((m) => m.date <= now) }))
    .filter((t) => t.messages.length > 0);
}

export function byDate(a: Message, b: Message): number {
  return a.date.getTime() - b.date.getTime();
}

export function buildTimeline(args: { interview: Interview; all: readonly Interview[]; threads: Thread[]; me: Me }): Timeline {
  const { interview, threads, me } = args;
  const until = windowEnd(interview, args.all);
  const seen = new Set<string>();
  const inWindow: Message[] = [];
  for (const m of threads.flatMap((t) => t.messages)) {
    if (seen.has(m.id) || m.date <= interview.start || (until && m.date >= until)) continue;
    seen.add(m.id);
    inWindow.push(m);
  }
  inWindow.sort(byDate);
  const company = companyIdentity(interview);
  const timeline: Timeline = {
    interview,
    end: new Date(interview.start.getTime() + interview.durationMinutes * 60_000),
    companyMessages: [],
    autoReplies: [],
    mine: [],
    threads,
    evidence: [],
  };
  for (const m of inWindow) {
    const verdict = sortMessage(m, timeline, me, company);
    timeline.evidence.push({ messageId: m.id, date: m.date, ...(m.from ? { from: m.from.email } : {}), subject: m.subject, verdict });
  }
  return timeline;
}

/** Files the message into the timeline and says in words what it counted as. */
function sortMessage(m: Message, timeline: Timeline, me: Me, company: CompanyIdentity): string {
  const name = timeline.interview.company;
  if (isCompanyMessage(m, me, company)) {
    if (isAutoReply(m)) {
      timeline.autoReplies.push(m);
      return `automatic reply from ${name}: not a reply (R3)`;
    }
    // "Accepted: …" is their calendar answering an invitation of mine, not a word from them.
    if (isCalendarResponse(m)) return `calendar response from ${name}: not a reply (R3)`;
    timeline.companyMessages.push(m);
    return `message from ${name} (R3)`;
  }
  if (isMineToCompany(m, me, company)) {
    if (isAutoReply(m)) return 'my automatic reply: not a message I wrote';
    if (isCalendarResponse(m)) return 'my calendar response: not a message I wrote';
    timeline.mine.push(m);
    return `my message to ${name}`;
  }
  if (isFromMe(m, me)) return `my message, not to anyone at ${name}: ignored`;
  const from = m.from?.email ?? '(no sender)';
  if (m.from && isAtsAddress(m.from.email)) return `ignored: from an applicant-tracking system (${from}) and does not name ${name}`;
  if ([...m.to, ...m.cc].some((a) => isCompanyAddress(a.email, company))) {
    return `ignored: from ${from}, an address that is not yours — is ${from} yours? add it to me.emails`;
  }
  return `ignored: neither from you nor from ${name} (${from})`;
}

function involves(message: Message, email: string): boolean {
  return [message.from, ...message.to, ...message.cc].some((a) => a?.email === email);
}

/** The latest thread with this person, and its newest message to answer (docs/gmail.md §1). An
 *  automatic reply is never the parent: "Re: Automatic reply: …" would be the draft's subject; nor
 *  is a calendar invitation ("Re: Invitation: …" is no thank-you). */
export function latestThreadWith(threads: readonly Thread[], email: string): ParentRef | undefined {
  let best: Message | undefined;
  for (const thread of threads) {
    if (!thread.messages.some((m) => involves(m, email))) continue;
    const newest = thread.messages.findLast((m) => !isAutoReply(m) && !m.calendar);
    if (newest && (!best || newest.date > best.date)) best = newest;
  }
  return best && parentRef(best);
}

export function parentRef(message: Message): ParentRef {
  return {
    threadId: message.threadId,
    messageId: message.messageId,
    inReplyTo: message.inReplyTo,
    references: message.references,
    subject: message.subject,
  };
}
