import { formatLocalDate, type Calendar } from './calendar.ts';
import { classifyReply, type ReplyKind } from './classify-reply.ts';
import { hasThankYou } from './plan-actions.ts';
import { checkInDue, conversation, isGoneQuiet, type CheckInDue, type Conversation } from './rules/check-in.ts';
import { thankYouState, type ThankYouState } from './rules/thank-you.ts';
import type { Timeline } from './timeline.ts';
import type { Policy } from './types.ts';

/** What the rules conclude about one interview, before any draft is planned. */
export interface Facts {
  timeline: Timeline;
  now: Date;
  thankYous: ThankYouState[];
  conv: Conversation;
  /** What the company's last message says, whoever spoke after it. */
  lastCompanyKind?: ReplyKind;
  /** The same, when the company spoke last (R7 applies). */
  replyKind?: ReplyKind;
  goneQuiet: boolean;
  due?: CheckInDue;
  cal: Calendar;
}

export function factsOf(timeline: Timeline, ctx: { now: Date; policy: Policy; cal: Calendar }): Facts {
  const { now, policy, cal } = ctx;
  const thankYous = timeline.interview.interviewers.map((interviewer) => thankYouState({ interviewer, timeline, now, policy, cal }));
  const conv = conversation(timeline, new Set(thankYous.flatMap((s) => (s.message ? [s.message.id] : []))));
  const last = conv.lastCompanyMessage;
  const lastCompanyKind = last && classifyReply(last.subject, last.text);
  const replyKind = conv.lastSpeaker === 'company' ? lastCompanyKind : undefined;
  return {
    timeline, now, thankYous, conv, cal, lastCompanyKind, replyKind,
    goneQuiet: isGoneQuiet(conv, now, policy),
    // Only a thank-you or a neutral company message leaves a check-in to time (R4); R7 covers the rest.
    due: !timeline.interview.cancelledAt && (replyKind === undefined || replyKind === 'neutral') ? checkInDue({ timeline, conv, policy, cal }) : undefined,
  };
}

export function checkInIsDue(f: Facts): boolean {
  const neutral = f.conv.lastSpeaker === 'me-thank-you' || f.replyKind === 'neutral';
  return neutral && !f.goneQuiet && f.due !== undefined && f.now >= f.due.dueAt && hasThankYou(f.thankYous);
}

export function cancelledSentence(f: Facts): string | undefined {
  const at = f.timeline.interview.cancelledAt;
  return at && `the invitation was cancelled on ${formatLocalDate(at, f.cal)}: no thank-you, no check-in`;
}
