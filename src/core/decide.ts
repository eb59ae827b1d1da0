import { calendarOf } from './calendar.ts';
import { companyIdentity } from './company.ts';
import { indexDrafts } from './draft-state.ts';
import { decideInterview, type Context } from './decide-interview.ts';
import { mayConcern, threadsOf } from './read-failures.ts';
import { buildTimeline, threadsAsOf } from './timeline.ts';
import type { Decision, Interview, InterviewState, Ledger, Me, PendingDraft, Policy, ReportedWarning, Thread, Warning } from './types.ts';

export interface DecideInput {
  interviews: readonly Interview[];
  threads: readonly Thread[];
  drafts: readonly PendingDraft[];
  /** What reading the mailbox could not read, and its advice. */
  readWarnings?: readonly Warning[];
  ledger: Ledger;
  me: Me;
  now: Date;
  timezone: string;
  policy: Policy;
  /** --discard-stale: plan the deletion of the tool's own stale drafts that nobody edited. */
  discardStale?: boolean;
}

/** The whole engine: a pure function of the mailbox, the ledger and the clock reading it is given. */
export function decide(input: DecideInput): Decision {
  const cal = calendarOf(input.timezone, input.policy.holidays);
  const threads = threadsAsOf(input.threads, input.now);
  const ctx: Context = {
    now: input.now, policy: input.policy, cal, me: input.me,
    index: indexDrafts(input.ledger, input.drafts), discardStale: input.discardStale ?? false,
  };
  const readWarnings = input.readWarnings ?? [];
  const concerns = new Map<Warning, string[]>(readWarnings.map((w) => [w, []]));
  const advice: ReportedWarning[] = [];
  const interviews = input.interviews.map((interview) => {
    // Never draft from what was not read: the interview's read failures withhold its new drafts.
    const company = companyIdentity(interview);
    const own = threadsOf(company, threads);
    const unread = readWarnings.filter((w) => mayConcern(w, interview, company, own));
    for (const w of unread) concerns.get(w)!.push(interview.id);
    const timeline = buildTimeline({ interview, all: input.interviews, threads, me: input.me });
    const state = decideInterview(timeline, unread, ctx);
    advice.push(...sharedThankYouWarnings(state));
    return state;
  });
  const reported = readWarnings.map((w) => ({ ...w, concerns: concerns.get(w) ?? [] }));
  return { now: input.now, me: input.me, interviews, warnings: [...reported, ...advice] };
}

/** S4: separate, personal notes; one message to several interviewers counts for each, with a warning. */
function sharedThankYouWarnings(state: InterviewState): ReportedWarning[] {
  const byMessage = new Map<string, string[]>();
  for (const i of state.interviewers) {
    if (i.thankYou.messageId) byMessage.set(i.thankYou.messageId, [...(byMessage.get(i.thankYou.messageId) ?? []), i.name]);
  }
  return [...byMessage.values()]
    .filter((names) => names.length > 1)
    .map((names) => ({
      code: 'shared-thank-you',
      message: `${state.interview.id}: one message thanked ${names.join(' and ')} together; separate personal notes are better (S4)`,
      source: state.interview.id,
      concerns: [],
    }));
}
