import {
  DAY_MS,
  businessDayAfterLocalDay,
  businessDaysAfter,
  formatLocalDate,
  localDay,
  type Calendar,
} from '../calendar.ts';
import { namedFutureDay } from '../named-date.ts';
import type { Timeline } from '../timeline.ts';
import type { Message, Policy } from '../types.ts';

export type LastSpeaker = 'nobody' | 'me-thank-you' | 'me-follow-up' | 'company';

export interface Conversation {
  lastSpeaker: LastSpeaker;
  lastCompanyMessage?: Message;
  lastMine?: Message;
  /** R5: my non-thank-you messages since the company last wrote. */
  unansweredFollowUps: number;
}

export interface CheckInDue {
  dueAt: Date;
  reason: string;
  /** The message the check-in follows: it keys the action, so each silence gets one check-in at most. */
  anchor: Message;
}

/** R4/R5: who spoke last after the start, automatic replies ignored. */
export function conversation(timeline: Timeline, thankYouIds: ReadonlySet<string>): Conversation {
  const lastCompanyMessage = timeline.companyMessages.at(-1);
  const lastMine = timeline.mine.at(-1);
  const since = lastCompanyMessage?.date.getTime() ?? -Infinity;
  const unansweredFollowUps = timeline.mine.filter((m) => m.date.getTime() > since && !thankYouIds.has(m.id)).length;
  let lastSpeaker: LastSpeaker = 'nobody';
  if (lastMine && (!lastCompanyMessage || lastMine.date > lastCompanyMessage.date)) {
    lastSpeaker = thankYouIds.has(lastMine.id) ? 'me-thank-you' : 'me-follow-up';
  } else if (lastCompanyMessage) {
    lastSpeaker = 'company';
  }
  return { lastSpeaker, lastCompanyMessage, lastMine, unansweredFollowUps };
}

/** R6 (S4): after goneQuietDays without a company message since my last message, stop. */
export function isGoneQuiet(conv: Conversation, now: Date, policy: Policy): boolean {
  if (conv.lastSpeaker !== 'me-thank-you' && conv.lastSpeaker !== 'me-follow-up') return false;
  return now.getTime() - conv.lastMine!.date.getTime() >= policy.goneQuietDays * DAY_MS;
}

function dueAfterMyThankYou(timeline: Timeline, thankYou: Message, policy: Policy, cal: Calendar): CheckInDue {
  const promised = timeline.interview.decisionExpected;
  if (promised) {
    return {
      dueAt: businessDayAfterLocalDay(promised, cal),
      reason: `the business day after ${promised}, when ${timeline.interview.company} said they would be in touch`,
      anchor: thankYou,
    };
  }
  return {
    dueAt: businessDaysAfter(thankYou.date, policy.checkInBusinessDays, cal),
    reason: `${policy.checkInBusinessDays} business days after your last thank-you (${formatLocalDate(thankYou.date, cal)})`,
    anchor: thankYou,
  };
}

/** The company spoke last with a neutral message: a date it names wins, then a promised date it
 *  does not postdate, then checkInBusinessDays after it. */
function dueAfterTheirMessage(timeline: Timeline, message: Message, policy: Policy, cal: Calendar): CheckInDue {
  const { company, decisionExpected } = timeline.interview;
  const named = namedFutureDay(message.text, message.date, cal);
  const when = formatLocalDate(message.date, cal);
  if (named) {
    return { dueAt: businessDayAfterLocalDay(named, cal), reason: `the business day after ${named}, the date ${company}'s message of ${when} named`, anchor: message };
  }
  if (decisionExpected && localDay(message.date, cal) <= decisionExpected) {
    return { dueAt: businessDayAfterLocalDay(decisionExpected, cal), reason: `the business day after ${decisionExpected}, when ${company} said they would be in touch`, anchor: message };
  }
  return {
    dueAt: businessDaysAfter(message.date, policy.checkInBusinessDays, cal),
    reason: `${policy.checkInBusinessDays} business days after ${company}'s last message (${when})`,
    anchor: message,
  };
}

/** R3: an automatic reply naming a return date postpones the check-in to the business day after it. */
function postponeForAbsence(due: CheckInDue, timeline: Timeline, cal: Calendar): CheckInDue {
  let result = due;
  for (const auto of timeline.autoReplies) {
    if (auto.date < due.anchor.date) continue;
    const back = namedFutureDay(auto.text, auto.date, cal);
    if (!back) continue;
    const after = businessDayAfterLocalDay(back, cal);
    if (after > result.dueAt) {
      const who = auto.from?.name || auto.from?.email || 'the contact';
      result = { ...result, dueAt: after, reason: `${result.reason}; postponed because ${who}'s automatic reply says they are away until ${back}` };
    }
  }
  return result;
}

export function checkInDue(args: { timeline: Timeline; conv: Conversation; policy: Policy; cal: Calendar }): CheckInDue | undefined {
  const { timeline, conv, policy, cal } = args;
  let due: CheckInDue | undefined;
  if (conv.lastSpeaker === 'me-thank-you') due = dueAfterMyThankYou(timeline, conv.lastMine!, policy, cal);
  if (conv.lastSpeaker === 'company') due = dueAfterTheirMessage(timeline, conv.lastCompanyMessage!, policy, cal);
  return due && postponeForAbsence(due, timeline, cal);
}
