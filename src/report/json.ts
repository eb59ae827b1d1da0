import type { Action, Decision, InterviewerState, InterviewState, Warning } from '../core/types.ts';
import { warningKind, type WarningKind } from '../core/warnings.ts';
import { draftIdOf } from './describe.ts';
import { notDecidedOn, toJsonListed, type JsonListedInterview } from './listing-json.ts';

export interface JsonThankYou {
  status: InterviewerState['thankYou']['status'];
  sentAt: string | null;
  dueBy: string;
  explanation: string;
}

export interface JsonAction {
  key: string;
  kind: Action['kind'];
  to: string[];
  threadId: string | null;
  draft: Action['draft'];
  draftId: string | null;
  /** The address of mine it is written from. */
  from: string;
  /** For a stale draft: --discard-stale deletes it (nobody edited it). */
  discard: boolean;
  reason: string;
}

export interface JsonInterview {
  id: string;
  /** Typed into the config, or found in a calendar invitation. */
  source: 'config' | 'invitation';
  /** The invitation it came from or is linked to. */
  invitation: { uid: string } | null;
  company: string;
  role: string | null;
  start: string;
  status: InterviewState['status'];
  explanation: string;
  interviewers: { name: string; email: string; thankYou: JsonThankYou }[];
  lastCompanyMessageAt: string | null;
  unansweredFollowUps: number;
  checkInDueAt: string | null;
  actions: JsonAction[];
  notes: string[];
  /** True when mail about it could not be read: nothing new was drafted for it. */
  incomplete: boolean;
  /** What could not be read. */
  unread: JsonWarning[];
}

export interface JsonWarning {
  code: string;
  kind: WarningKind;
  message: string;
  source: string | null;
}

/** The `--json` report: dates as ISO 8601 (UTC), null where absent. */
export interface JsonReport {
  now: string;
  /** The addresses taken as mine (config, and the Gmail account and its aliases). */
  me: { name: string; emails: string[] };
  interviews: JsonInterview[];
  /** `concerns`: the interviews a read failure may concern. */
  warnings: (JsonWarning & { concerns: string[] })[];
  /** Found in the mail but not followed up: suggested ones (`followup interviews add ID`) and ignored ones. */
  suggested: JsonListedInterview[];
  /** How much mail was read (mbox and .eml); null for Gmail, which reads only what its searches find. */
  mailbox: { messagesRead: number; messagesAboutInterviews: number; sources: string[] } | null;
  /** Gmail: read in full or incrementally (from the history since the last run), why, and whose
   *  searches ran; null for an mbox. */
  sync: { kind: 'full' | 'incremental'; reason: string | null; searched: string[] } | null;
}

function iso(date: Date | undefined): string | null {
  return date === undefined ? null : date.toISOString();
}

function toJsonAction(action: Action): JsonAction {
  return {
    key: action.key,
    kind: action.kind,
    to: action.to.map((a) => a.email),
    threadId: action.threadId ?? action.parent?.threadId ?? null,
    draft: action.draft,
    draftId: draftIdOf(action) ?? null,
    from: action.from.email,
    discard: action.draft === 'stale' && action.discard,
    reason: action.reason,
  };
}

function toJsonInterview(state: InterviewState): JsonInterview {
  const { interview } = state;
  return {
    id: interview.id,
    source: interview.source,
    invitation: interview.invite ? { uid: interview.invite } : null,
    company: interview.company,
    role: interview.role ?? null,
    start: interview.start.toISOString(),
    status: state.status,
    explanation: state.explanation,
    interviewers: state.interviewers.map(({ name, email, thankYou }) => ({
      name,
      email,
      thankYou: {
        status: thankYou.status,
        sentAt: iso(thankYou.sentAt),
        dueBy: thankYou.dueBy.toISOString(),
        explanation: thankYou.explanation,
      },
    })),
    lastCompanyMessageAt: iso(state.lastCompanyMessageAt),
    unansweredFollowUps: state.unansweredFollowUps,
    checkInDueAt: iso(state.checkInDueAt),
    actions: state.actions.map(toJsonAction),
    notes: [...state.notes],
    incomplete: state.unread.length > 0,
    unread: state.unread.map(toJsonWarning),
  };
}

function toJsonWarning(warning: Warning): JsonWarning {
  return { code: warning.code, kind: warningKind(warning), message: warning.message, source: warning.source ?? null };
}

export function toJsonReport(decision: Decision): JsonReport {
  return {
    now: decision.now.toISOString(),
    me: { name: decision.me.name, emails: [...decision.me.emails] },
    interviews: decision.interviews.map(toJsonInterview),
    warnings: decision.warnings.map((w) => ({ ...toJsonWarning(w), concerns: [...w.concerns] })),
    suggested: notDecidedOn(decision.listing ?? [], new Set(decision.interviews.map((i) => i.interview.id))).map(toJsonListed),
    mailbox: decision.reading
      ? { messagesRead: decision.reading.messagesRead, messagesAboutInterviews: decision.reading.messagesMatched, sources: [...decision.reading.sources] }
      : null,
    sync: decision.sync ? { kind: decision.sync.kind, reason: decision.sync.reason ?? null, searched: [...decision.sync.searched] } : null,
  };
}

export function renderJson(decision: Decision): string {
  return JSON.stringify(toJsonReport(decision), null, 2);
}
