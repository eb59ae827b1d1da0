import { TZDate } from '@date-fns/tz';
import { DAY_MS, formatLocal, formatLocalDate, formatLocalTime, inZone, thankYouDeadline, type Calendar } from '../calendar.ts';
import { firstName } from '../person-name.ts';
import type { Timeline } from '../timeline.ts';
import type { Interviewer, Message, Policy, ThankYouStatus } from '../types.ts';

export interface ThankYouState {
  status: ThankYouStatus;
  message?: Message;
  dueBy: Date;
  explanation: string;
  /** R2: may a thank-you still be drafted? */
  draftable: boolean;
  /** Why not, when it is missing or due but not draftable. */
  notDraftableBecause?: string;
}

/** R1: the first message from me with the interviewer in To or Cc after the start is their thank-you. */
export function findThankYou(interviewer: Interviewer, timeline: Timeline): Message | undefined {
  return timeline.mine.find((m) => [...m.to, ...m.cc].some((a) => a.email === interviewer.email));
}

function calledBy(interviewer: Interviewer): string {
  return firstName(interviewer.name) ?? interviewer.email;
}

function deadlineReason(start: Date, policy: Policy, cal: Calendar): string {
  const started = formatLocalTime(start, cal);
  return inZone(start, cal).getHours() < policy.thankYouCutoffHour
    ? `interview started ${started}, before ${policy.thankYouCutoffHour}:00, so the same day counts`
    : `interview started ${started}, so the next day counts`;
}

/** R2: a thank-you is drafted once the interview has ended, for at most thankYouDraftDays, and only
 *  while the company has not written since the end (a note then would cross their message). */
export function whyNotDraftable(timeline: Timeline, now: Date, policy: Policy, cal: Calendar): string | undefined {
  if (now < timeline.end) return 'the interview has not ended yet';
  if (now.getTime() - timeline.end.getTime() > policy.thankYouDraftDays * DAY_MS) {
    return `more than ${policy.thankYouDraftDays} days have passed since the interview`;
  }
  const replied = timeline.companyMessages.find((m) => m.date >= timeline.end);
  if (replied) return `${timeline.interview.company} has written since the interview (${formatLocalDate(replied.date, cal)})`;
  return undefined;
}

/** S3: the morning after, just before the working day starts. Gmail's API cannot schedule a send, so
 *  the report says when — only when that morning is still ahead and within the R1 deadline. */
export function sendTimeAdvice(args: { start: Date; dueBy: Date; now: Date; cal: Calendar }): string | undefined {
  const local = inZone(args.start, args.cal);
  const morning = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, 8, 30, args.cal.timezone);
  if (morning <= args.now || morning > args.dueBy) return undefined;
  return `send it at about ${formatLocal(morning, args.cal)}, just before the working day starts (S3)`;
}

export function thankYouState(args: {
  interviewer: Interviewer;
  timeline: Timeline;
  now: Date;
  policy: Policy;
  cal: Calendar;
}): ThankYouState {
  const { interviewer, timeline, now, policy, cal } = args;
  const dueBy = thankYouDeadline(timeline.interview.start, policy.thankYouCutoffHour, cal);
  const who = calledBy(interviewer);
  const due = formatLocal(dueBy, cal);
  const message = findThankYou(interviewer, timeline);
  if (message) {
    const onTime = message.date <= dueBy;
    return {
      status: onTime ? 'on-time' : 'late',
      message,
      dueBy,
      explanation: `thanked ${who} on ${formatLocal(message.date, cal)}, ${onTime ? 'before' : 'after'} the ${due} deadline`,
      draftable: false,
    };
  }
  if (timeline.interview.cancelledAt) {
    return { status: 'not-yet-due', dueBy, explanation: `the interview was cancelled: no thank-you to ${who} is due`, draftable: false };
  }
  const notDraftableBecause = whyNotDraftable(timeline, now, policy, cal);
  if (now < timeline.end) {
    return {
      status: 'not-yet-due',
      dueBy,
      explanation: `interview with ${who} ends ${formatLocal(timeline.end, cal)}; thank-you due by ${due} — ${deadlineReason(timeline.interview.start, policy, cal)}`,
      draftable: false,
      notDraftableBecause,
    };
  }
  const status = now <= dueBy ? 'due' : 'missing';
  return {
    status,
    dueBy,
    explanation:
      status === 'due'
        ? `thank-you to ${who} due by ${due} — ${deadlineReason(timeline.interview.start, policy, cal)}`
        : `no thank-you to ${who}; it was due by ${due}`,
    draftable: notDraftableBecause === undefined,
    notDraftableBecause,
  };
}
