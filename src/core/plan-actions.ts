import { formatLocal, formatLocalDate, type Calendar } from './calendar.ts';
import { isPerson } from './company.ts';
import type { CheckInDue } from './rules/check-in.ts';
import type { ThankYouState } from './rules/thank-you.ts';
import { latestThreadWith, parentRef, type Timeline } from './timeline.ts';
import type { Action, Interviewer, Message } from './types.ts';

// Turns the rules' verdicts into actions. Keys identify an action across runs (the ledger's key):
// one thank-you per interviewer, one check-in per silence (keyed by the message it follows), one
// reply per rejection.

export function thankYouAction(args: { timeline: Timeline; interviewer: Interviewer; state: ThankYouState }): Action {
  const { timeline, interviewer, state } = args;
  const parent = latestThreadWith(timeline.threads, interviewer.email);
  return {
    key: `thank-you:${timeline.interview.id}:${interviewer.email}`,
    kind: 'thank-you',
    interviewId: timeline.interview.id,
    to: [{ name: interviewer.name, email: interviewer.email }],
    threadId: parent?.threadId,
    parent,
    draft: 'planned',
    reason: state.explanation,
    interviewer,
  };
}

export function checkInAction(args: { timeline: Timeline; due: CheckInDue; cal: Calendar }): Action {
  const { timeline, due, cal } = args;
  const contact = timeline.interview.contact;
  const parent = latestThreadWith(timeline.threads, contact.email);
  return {
    key: `check-in:${timeline.interview.id}:${due.anchor.id}`,
    kind: 'check-in',
    interviewId: timeline.interview.id,
    to: [contact],
    threadId: parent?.threadId,
    parent,
    draft: 'planned',
    reason: `check-in due from ${formatLocal(due.dueAt, cal)} — ${due.reason}`,
  };
}

/** R7 (S1, S2): answer a rejection graciously — to its sender when a person, else to the contact. */
export function rejectionReplyAction(args: { timeline: Timeline; rejection: Message; cal: Calendar }): Action {
  const { timeline, rejection, cal } = args;
  const sender = rejection.replyTo.find(isPerson) ?? (rejection.from && isPerson(rejection.from) ? rejection.from : undefined);
  const to = sender ?? timeline.interview.contact;
  const parent = sender ? parentRef(rejection) : latestThreadWith(timeline.threads, to.email);
  return {
    key: `rejection-reply:${timeline.interview.id}:${rejection.id}`,
    kind: 'rejection-reply',
    interviewId: timeline.interview.id,
    to: [to],
    threadId: parent?.threadId,
    parent,
    draft: 'planned',
    reason: `${timeline.interview.company} declined on ${formatLocalDate(rejection.date, cal)}; a gracious reply leaves lasting goodwill (R7)`,
  };
}

export function hasThankYou(states: readonly ThankYouState[]): boolean {
  return states.some((s) => s.message !== undefined);
}
