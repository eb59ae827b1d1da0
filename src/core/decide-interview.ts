import type { Calendar } from './calendar.ts';
import { staleActions, withDraftState, type DraftIndex } from './draft-state.ts';
import { checkInIsDue, factsOf, type Facts } from './facts.ts';
import { notesOf, statusOf, withheldNotes } from './interview-status.ts';
import { checkInAction, rejectionReplyAction, thankYouAction } from './plan-actions.ts';
import type { Timeline } from './timeline.ts';
import type { DraftAction, EvidenceLine, InterviewState, Me, Policy, Warning } from './types.ts';

export interface Context {
  now: Date;
  policy: Policy;
  cal: Calendar;
  index: DraftIndex;
  me: Me;
  discardStale: boolean;
}

function draftActions(f: Facts, me: Me): DraftAction[] {
  const { timeline, now, cal } = f;
  if (now < timeline.end || timeline.interview.cancelledAt) return [];
  const actions: DraftAction[] = timeline.interview.interviewers.flatMap((interviewer, n) =>
    f.thankYous[n]!.draftable ? [thankYouAction({ timeline, interviewer, state: f.thankYous[n]!, me })] : [],
  );
  if (f.replyKind === 'rejection') actions.push(rejectionReplyAction({ timeline, rejection: f.conv.lastCompanyMessage!, cal, me }));
  if (checkInIsDue(f)) actions.push(checkInAction({ timeline, due: f.due!, cal, me }));
  return actions.filter((a) => a.to.every((to) => !me.emails.includes(to.email)));
}

/** The timeline's evidence, with each thank-you named for whom it thanked. */
function evidenceOf(f: Facts): EvidenceLine[] {
  const thanked = new Map<string, string[]>();
  f.thankYous.forEach((s, n) => {
    if (s.message) thanked.set(s.message.id, [...(thanked.get(s.message.id) ?? []), f.timeline.interview.interviewers[n]!.name]);
  });
  return f.timeline.evidence.map((line) => {
    const names = thanked.get(line.messageId);
    return names ? { ...line, verdict: `thank-you to ${names.join(' and ')} (R1)` } : line;
  });
}

export function decideInterview(timeline: Timeline, unread: Warning[], ctx: Context): InterviewState {
  const f = factsOf(timeline, ctx);
  const { interview } = timeline;
  const incomplete = unread.length > 0;
  const all = draftActions(f, ctx.me).map((a) => withDraftState(a, ctx.index));
  // An interview not fully read gets no new draft this run; what is already waiting is left alone.
  const planned = incomplete ? all.filter((a) => a.draft !== 'planned') : all;
  const withheld = incomplete ? all.filter((a) => a.draft === 'planned') : [];
  const stale = staleActions({
    timeline, plannedKeys: new Set(all.map((a) => a.key)), index: ctx.index, cal: ctx.cal, me: ctx.me,
    discardStale: ctx.discardStale && !incomplete,
  });
  const [status, explanation] = statusOf(f);
  return {
    interview,
    status,
    explanation,
    interviewers: interview.interviewers.map((i, n) => {
      const s = f.thankYous[n]!;
      return {
        name: i.name,
        email: i.email,
        thankYou: { status: s.status, sentAt: s.message?.date, messageId: s.message?.id, dueBy: s.dueBy, explanation: s.explanation },
      };
    }),
    lastCompanyMessageAt: f.conv.lastCompanyMessage?.date,
    unansweredFollowUps: f.conv.unansweredFollowUps,
    checkInDueAt: f.due?.dueAt,
    actions: [...planned, ...stale],
    notes: [...withheldNotes(unread, withheld), ...notesOf(f)],
    unread,
    evidence: evidenceOf(f),
  };
}

