import { calendarOf, formatLocal, formatLocalDate, type Calendar } from './calendar.ts';
import { classifyReply, type ReplyKind } from './classify-reply.ts';
import { indexDrafts, staleActions, withDraftState, type DraftIndex } from './draft-state.ts';
import { checkInAction, hasThankYou, rejectionReplyAction, thankYouAction } from './plan-actions.ts';
import { checkInDue, conversation, isGoneQuiet, type CheckInDue, type Conversation } from './rules/check-in.ts';
import { sendTimeAdvice, thankYouState, type ThankYouState } from './rules/thank-you.ts';
import { buildTimeline, threadsAsOf, type Timeline } from './timeline.ts';
import type {
  Action, Decision, Interview, InterviewState, InterviewStatus, Ledger, Me, PendingDraft, Policy, Thread, Warning,
} from './types.ts';

export interface DecideInput {
  interviews: readonly Interview[];
  threads: readonly Thread[];
  drafts: readonly PendingDraft[];
  ledger: Ledger;
  me: Me;
  now: Date;
  timezone: string;
  policy: Policy;
}

/** The whole engine: a pure function of the mailbox, the ledger and the clock reading it is given. */
export function decide(input: DecideInput): Decision {
  const cal = calendarOf(input.timezone, input.policy.holidays);
  const threads = threadsAsOf(input.threads, input.now);
  const index = indexDrafts(input.ledger, input.drafts);
  const warnings: Warning[] = [];
  const interviews = input.interviews.map((interview) => {
    const timeline = buildTimeline({ interview, all: input.interviews, threads, me: input.me });
    return decideInterview({ timeline, now: input.now, policy: input.policy, cal, index, warnings });
  });
  return { now: input.now, interviews, warnings };
}

interface Facts {
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

function decideInterview(args: {
  timeline: Timeline; now: Date; policy: Policy; cal: Calendar; index: DraftIndex; warnings: Warning[];
}): InterviewState {
  const { timeline, now, policy, cal, index } = args;
  const { interview } = timeline;
  const thankYous = interview.interviewers.map((interviewer) => thankYouState({ interviewer, timeline, now, policy, cal }));
  const thankYouIds = new Set(thankYous.flatMap((s) => (s.message ? [s.message.id] : [])));
  args.warnings.push(...sharedThankYouWarnings(interview, thankYous));
  const conv = conversation(timeline, thankYouIds);
  const last = conv.lastCompanyMessage;
  const lastCompanyKind = last && classifyReply(last.subject, last.text);
  const replyKind = conv.lastSpeaker === 'company' ? lastCompanyKind : undefined;
  const facts: Facts = {
    timeline, now, thankYous, conv, cal, lastCompanyKind, replyKind,
    goneQuiet: isGoneQuiet(conv, now, policy),
    // Only a thank-you or a neutral company message leaves a check-in to time (R4); R7 covers the rest.
    due: replyKind === undefined || replyKind === 'neutral' ? checkInDue({ timeline, conv, policy, cal }) : undefined,
  };
  const planned = planActions(facts).map((a) => withDraftState(a, index));
  const stale = staleActions({ timeline, plannedKeys: new Set(planned.map((a) => a.key)), index, cal });
  const [status, explanation] = statusOf(facts);
  return {
    interview,
    status,
    explanation,
    interviewers: interview.interviewers.map((i, n) => ({
      name: i.name,
      email: i.email,
      thankYou: { status: thankYous[n]!.status, sentAt: thankYous[n]!.message?.date, dueBy: thankYous[n]!.dueBy, explanation: thankYous[n]!.explanation },
    })),
    lastCompanyMessageAt: conv.lastCompanyMessage?.date,
    unansweredFollowUps: conv.unansweredFollowUps,
    checkInDueAt: facts.due?.dueAt,
    actions: [...planned, ...stale],
    notes: notesOf(facts),
  };
}

function planActions(f: Facts): Action[] {
  const { timeline, now, cal } = f;
  if (now < timeline.end) return [];
  const actions = timeline.interview.interviewers.flatMap((interviewer, n) =>
    f.thankYous[n]!.draftable ? [thankYouAction({ timeline, interviewer, state: f.thankYous[n]! })] : [],
  );
  if (f.replyKind === 'rejection') actions.push(rejectionReplyAction({ timeline, rejection: f.conv.lastCompanyMessage!, cal }));
  if (checkInIsDue(f)) actions.push(checkInAction({ timeline, due: f.due!, cal }));
  return actions;
}

function checkInIsDue(f: Facts): boolean {
  const neutral = f.conv.lastSpeaker === 'me-thank-you' || f.replyKind === 'neutral';
  return neutral && !f.goneQuiet && f.due !== undefined && f.now >= f.due.dueAt && hasThankYou(f.thankYous);
}

const REPLY_WORDS: Record<ReplyKind, string> = {
  rejection: 'declined',
  offer: 'made an offer',
  'next-round': 'wants to arrange a next round',
  question: 'asked a question',
  neutral: 'wrote',
};

/** The interview's status, the first that applies, with a sentence a person can check. */
function statusOf(f: Facts): [InterviewStatus, string] {
  const { timeline, conv, cal } = f;
  const company = timeline.interview.company;
  const last = conv.lastCompanyMessage;
  if (f.now < timeline.end) return ['scheduled', `the interview runs ${formatLocal(timeline.interview.start, cal)}–${formatLocal(timeline.end, cal)}`];
  if (f.lastCompanyKind === 'rejection') {
    return ['rejected', `${company} declined on ${formatLocalDate(last!.date, cal)}${conv.lastSpeaker === 'company' ? '' : '; you have replied'}`];
  }
  if (f.replyKind && f.replyKind !== 'neutral') {
    return ['your-move', `${company} ${REPLY_WORDS[f.replyKind]} on ${formatLocalDate(last!.date, cal)}: the answer is yours to write, so no draft is made`];
  }
  if (f.goneQuiet) {
    return ['gone-quiet', `no word from ${company} since your message of ${formatLocalDate(conv.lastMine!.date, cal)}, more than ${Math.floor((f.now.getTime() - conv.lastMine!.date.getTime()) / 86_400_000)} days ago; time to let it go (R6)`];
  }
  const owed = f.thankYous.filter((s) => (s.status === 'due' || s.status === 'missing') && s.draftable);
  if (owed.length > 0) return ['thank-you-due', owed.map((s) => s.explanation).join('; ')];
  if (conv.lastSpeaker === 'me-follow-up') {
    return ['waiting-after-check-in', `your message of ${formatLocalDate(conv.lastMine!.date, cal)} is unanswered; nothing more until ${company} writes (one unanswered message at most, R5)`];
  }
  if (checkInIsDue(f)) return ['check-in-due', `check-in due from ${formatLocal(f.due!.dueAt, cal)} — ${f.due!.reason}`];
  return ['awaiting-reply', awaitingSentence(f)];
}

function awaitingSentence(f: Facts): string {
  const company = f.timeline.interview.company;
  if (!hasThankYou(f.thankYous)) return `no thank-you was sent, so no check-in is drafted; waiting for ${company}`;
  if (f.due) return `waiting for ${company}; check-in due from ${formatLocal(f.due.dueAt, f.cal)} — ${f.due.reason}`;
  return `waiting for ${company}`;
}

function notesOf(f: Facts): string[] {
  const notes: string[] = [];
  f.thankYous.forEach((s, n) => {
    const who = f.timeline.interview.interviewers[n]!.name;
    if ((s.status === 'due' || s.status === 'missing') && !s.draftable && s.notDraftableBecause) {
      notes.push(`no thank-you drafted for ${who}: ${s.notDraftableBecause}`);
    }
    const advice = s.draftable ? sendTimeAdvice({ start: f.timeline.interview.start, dueBy: s.dueBy, now: f.now, cal: f.cal }) : undefined;
    if (advice) notes.push(`thank-you to ${who}: ${advice}`);
  });
  if (f.conv.unansweredFollowUps > 0 && f.conv.lastSpeaker === 'me-follow-up') {
    notes.push(`${f.conv.unansweredFollowUps} unanswered follow-up(s) since ${f.timeline.interview.company} last wrote`);
  }
  if (f.timeline.autoReplies.length > 0) notes.push(`${f.timeline.autoReplies.length} automatic repl${f.timeline.autoReplies.length === 1 ? 'y' : 'ies'} ignored (not a reply, R3)`);
  return notes;
}

/** S4: separate, personal notes; one message to several interviewers counts for each, with a warning. */
function sharedThankYouWarnings(interview: Interview, states: readonly ThankYouState[]): Warning[] {
  const byMessage = new Map<string, string[]>();
  states.forEach((s, n) => {
    if (s.message) byMessage.set(s.message.id, [...(byMessage.get(s.message.id) ?? []), interview.interviewers[n]!.name]);
  });
  return [...byMessage.values()]
    .filter((names) => names.length > 1)
    .map((names) => ({
      code: 'shared-thank-you',
      message: `${interview.id}: one message thanked ${names.join(' and ')} together; separate personal notes are better (S4)`,
      source: interview.id,
    }));
}
