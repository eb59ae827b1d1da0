import { DAY_MS, formatLocal, formatLocalDate } from './calendar.ts';
import type { ReplyKind } from './classify-reply.ts';
import { cancelledSentence, checkInIsDue, type Facts } from './facts.ts';
import { hasThankYou } from './plan-actions.ts';
import { sendTimeAdvice } from './rules/thank-you.ts';
import type { DraftAction, InterviewStatus, Warning } from './types.ts';

const REPLY_WORDS: Record<ReplyKind, string> = {
  rejection: 'declined',
  offer: 'made an offer',
  'next-round': 'wants to arrange a next round',
  question: 'asked a question',
  neutral: 'wrote',
};

/** The interview's status, the first that applies, with a sentence a person can check. */
export function statusOf(f: Facts): [InterviewStatus, string] {
  const { timeline, conv, cal } = f;
  const company = timeline.interview.company;
  const last = conv.lastCompanyMessage;
  const cancelled = cancelledSentence(f);
  if (cancelled) return ['cancelled', cancelled];
  if (f.now < timeline.end) return ['scheduled', `the interview runs ${formatLocal(timeline.interview.start, cal)}–${formatLocal(timeline.end, cal)}`];
  if (f.lastCompanyKind === 'rejection') {
    return ['rejected', `${company} declined on ${formatLocalDate(last!.date, cal)}${conv.lastSpeaker === 'company' ? '' : '; you have replied'}`];
  }
  if (f.replyKind && f.replyKind !== 'neutral') {
    return ['your-move', `${company} ${REPLY_WORDS[f.replyKind]} on ${formatLocalDate(last!.date, cal)}: the answer is yours to write, so no draft is made`];
  }
  if (f.goneQuiet) {
    const days = Math.floor((f.now.getTime() - conv.lastMine!.date.getTime()) / DAY_MS);
    return ['gone-quiet', `no word from ${company} since your message of ${formatLocalDate(conv.lastMine!.date, cal)}, more than ${days} days ago; time to let it go (R6)`];
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

export function notesOf(f: Facts): string[] {
  if (f.timeline.interview.cancelledAt) return [];
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
  const autos = f.timeline.autoReplies.length;
  if (autos > 0) notes.push(`${autos} automatic repl${autos === 1 ? 'y' : 'ies'} ignored (not a reply, R3)`);
  return notes;
}

function describeAction(action: DraftAction): string {
  return `${action.kind} to ${action.to.map((a) => a.name || a.email).join(', ')}`;
}

/** What an interview not fully read did not get, and why: the report says it per interview. */
export function withheldNotes(unread: readonly Warning[], withheld: readonly DraftAction[]): string[] {
  if (unread.length === 0) return [];
  const what = unread.map((w) => `${w.source ?? w.code}: ${w.message}`).join('; ');
  const held = withheld.length > 0 ? `; not drafted: ${withheld.map(describeAction).join(', ')}` : '';
  return [`incomplete read — nothing new is drafted for this interview this run because mail about it could not be read (${what})${held}`];
}
