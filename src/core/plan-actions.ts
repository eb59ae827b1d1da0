import { isAutoReply } from './auto-reply.ts';
import { formatLocal, formatLocalDate, type Calendar } from './calendar.ts';
import { isPerson } from './company.ts';
import { myAddressFor } from './my-address.ts';
import type { CheckInDue } from './rules/check-in.ts';
import type { ThankYouState } from './rules/thank-you.ts';
import { latestThreadWith, parentRef, type Timeline } from './timeline.ts';
import type { Address, CheckInAction, Interviewer, Me, Message, ParentRef, RejectionReplyAction, ThankYouAction } from './types.ts';

// Turns the rules' verdicts into actions. Keys identify an action across runs (the ledger's key):
// one thank-you per interviewer, one check-in per silence (keyed by the message it follows), one
// reply per rejection.

interface Placement {
  threadId?: string;
  parent?: ParentRef;
  from: Address;
}

/** Where a draft goes (the thread, the message it answers) and the address of mine it is from. */
function placement(timeline: Timeline, parent: ParentRef | undefined, me: Me): Placement {
  const thread = parent && timeline.threads.find((t) => t.id === parent.threadId);
  return { ...(parent ? { threadId: parent.threadId, parent } : {}), from: myAddressFor(thread, me) };
}

/** The newest message of the thread that holds `message`, automatic replies aside (the reply's parent). */
function newestInThreadOf(timeline: Timeline, message: Message): ParentRef {
  const thread = timeline.threads.find((t) => t.id === message.threadId);
  const newest = thread?.messages.findLast((m) => !isAutoReply(m)) ?? message;
  return parentRef(newest);
}

/** A person one can answer for the company in this message: its Reply-To, else its sender. */
function personBehind(message: Message): Address | undefined {
  return message.replyTo.find(isPerson) ?? (message.from && isPerson(message.from) ? message.from : undefined);
}

export function thankYouAction(args: { timeline: Timeline; interviewer: Interviewer; state: ThankYouState; me: Me }): ThankYouAction {
  const { timeline, interviewer, state, me } = args;
  return {
    key: `thank-you:${timeline.interview.id}:${interviewer.email}`,
    kind: 'thank-you',
    interviewId: timeline.interview.id,
    to: [{ name: interviewer.name, email: interviewer.email }],
    ...placement(timeline, latestThreadWith(timeline.threads, interviewer.email), me),
    reason: state.explanation,
    interviewer,
  };
}

/** R4 (S3): to the person who last wrote for the company about this interview (a recruiter who
 *  promised news), in that thread; to the contact otherwise. */
export function checkInAction(args: { timeline: Timeline; due: CheckInDue; cal: Calendar; me: Me }): CheckInAction {
  const { timeline, due, cal, me } = args;
  const last = timeline.companyMessages.at(-1);
  const person = last && personBehind(last);
  const to = person ?? timeline.interview.contact;
  const parent = person && last ? newestInThreadOf(timeline, last) : latestThreadWith(timeline.threads, to.email);
  return {
    key: `check-in:${timeline.interview.id}:${due.anchor.id}`,
    kind: 'check-in',
    interviewId: timeline.interview.id,
    to: [to],
    ...placement(timeline, parent, me),
    reason: `check-in due from ${formatLocal(due.dueAt, cal)} — ${due.reason}`,
  };
}

/** R7 (S1, S2): answer a rejection graciously — to its sender when a person, else to the contact. */
export function rejectionReplyAction(args: { timeline: Timeline; rejection: Message; cal: Calendar; me: Me }): RejectionReplyAction {
  const { timeline, rejection, cal, me } = args;
  const sender = personBehind(rejection);
  const to = sender ?? timeline.interview.contact;
  const parent = sender ? newestInThreadOf(timeline, rejection) : latestThreadWith(timeline.threads, to.email);
  return {
    key: `rejection-reply:${timeline.interview.id}:${rejection.id}`,
    kind: 'rejection-reply',
    interviewId: timeline.interview.id,
    to: [to],
    ...placement(timeline, parent, me),
    reason: `${timeline.interview.company} declined on ${formatLocalDate(rejection.date, cal)}; a gracious reply leaves lasting goodwill (R7)`,
  };
}

export function hasThankYou(states: readonly ThankYouState[]): boolean {
  return states.some((s) => s.message !== undefined);
}
