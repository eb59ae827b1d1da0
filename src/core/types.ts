// The engine's own vocabulary. Adapters (mbox, .eml, Gmail) convert to these types at the edge;
// the core never sees a Gmail or mailparser object.
import type { ListedInterview } from './discovery/types.ts';
import type { Warning } from './warnings.ts';

export type { Warning };

export interface Address {
  name?: string;
  /** Lower-cased. */
  email: string;
}

export interface Message {
  /** Stable id within its mailbox (Gmail message id; for mbox/eml a Message-ID or a synthetic id). */
  id: string;
  threadId: string;
  /** RFC 5322 Message-ID including the angle brackets, when the message has one. */
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  from?: Address;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  /** When the message was sent or received (Gmail internalDate, else the Date header, else the mbox From_ line). */
  date: Date;
  subject: string;
  /** Gmail labels, upper-cased system names as Gmail uses them (SENT, INBOX, DRAFT, …). */
  labels: string[];
  /** Lower-cased header name → value, only the headers the rules look at (see RULE_HEADERS). */
  headers: Readonly<Record<string, string>>;
  /** Plain-text body; HTML-only messages are converted to text by the adapter. */
  text: string;
  /** It carries a calendar invitation (a text/calendar part or an .ics file). */
  calendar?: boolean;
}

/** Headers the adapters keep in Message.headers (R3: automatic replies). */
export const RULE_HEADERS = [
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'x-auto-response-suppress',
  'precedence',
] as const;

export interface Thread {
  id: string;
  /** Oldest first. */
  messages: Message[];
}

/** A draft waiting in the mailbox (not yet sent), whoever wrote it. */
export interface PendingDraft {
  /** Gmail draft id, or the .eml file name in the drafts folder. */
  id: string;
  threadId?: string;
  to: Address[];
  cc: Address[];
  subject: string;
  /** The X-Interview-Followup header of drafts this tool made: the action key. */
  actionKey?: string;
  /** The draft's content hash as it is now (src/draft-mark/content-hash.ts), when it was read in
   *  full: compared with the ledger's to tell an untouched draft from an edited one. */
  contentHash?: string;
}

export type ActionKind = 'thank-you' | 'check-in' | 'rejection-reply';

/** What the tool remembers of every draft it made (src/state/ledger.ts stores these). */
export interface LedgerEntry {
  actionKey: string;
  interviewId: string;
  kind: ActionKind;
  draftId: string;
  threadId?: string;
  to: string[];
  /** ISO 8601. */
  createdAt: string;
  /** sha256 of the draft as created, so an edited draft can be told from an untouched one. */
  contentHash?: string;
  /** The address it was written from. */
  from?: string;
}

export interface Ledger {
  version: 1;
  entries: LedgerEntry[];
  /** The id given to each interview found in an invitation, by its UID: once used, an id never
   *  changes, whatever later happens to the invitations in the mailbox. */
  interviewIds?: Record<string, string>;
}

export interface Interviewer {
  name: string;
  email: string;
  topics: string[];
}

export interface Interview {
  id: string;
  company: string;
  /** The job title, when known; an interview found in an invitation may not say. */
  role?: string;
  /** Absolute instant of the start. */
  start: Date;
  durationMinutes: number;
  interviewers: Interviewer[];
  /** Lower-cased; already defaulted (interviewer domains minus public mail domains). */
  domains: string[];
  /** Already defaulted to the first interviewer. */
  contact: Address;
  /** "YYYY-MM-DD" in the user's time zone. */
  decisionExpected?: string;
  /** Typed into the config, or found in a calendar invitation (src/core/discovery). */
  source: 'config' | 'invitation';
  /** The UID of the calendar invitation it comes from or is linked to. */
  invite?: string;
  /** When the invitation was cancelled: no thank-you, no check-in. */
  cancelledAt?: Date;
}

export interface Me {
  name: string;
  /** Lower-cased. */
  emails: string[];
  /** Signs the drafts when given (S0, S1, S3: leave a phone number). */
  phone?: string;
}

export interface Policy {
  thankYouCutoffHour: number;
  thankYouDraftDays: number;
  checkInBusinessDays: number;
  goneQuietDays: number;
  /** "YYYY-MM-DD" in the user's time zone. */
  holidays: string[];
}

export const DEFAULT_POLICY: Policy = {
  thankYouCutoffHour: 12,
  thankYouDraftDays: 7,
  checkInBusinessDays: 5,
  goneQuietDays: 35,
  holidays: [],
};


export type ThankYouStatus = 'not-yet-due' | 'due' | 'on-time' | 'late' | 'missing';

export type InterviewStatus =
  | 'cancelled'
  | 'scheduled'
  | 'rejected'
  | 'your-move'
  | 'gone-quiet'
  | 'thank-you-due'
  | 'waiting-after-check-in'
  | 'check-in-due'
  | 'awaiting-reply';

/** planned: to be drafted; created: drafted by this run; exists: a draft is waiting in the mailbox;
 *  dismissed: the user deleted it unsent, so never again; stale: a waiting draft the situation has overtaken. */
export type DraftState = 'planned' | 'created' | 'exists' | 'dismissed' | 'stale';

/** The message a reply draft answers: enough to thread it (RFC 5322 §3.6.4). */
export interface ParentRef {
  threadId: string;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  subject: string;
}

interface ActionBase {
  /** Identifies the action across runs: the ledger's key. */
  key: string;
  interviewId: string;
  to: Address[];
  /** The address of mine the draft is written from (src/core/my-address.ts). */
  from: Address;
  /** The thread the draft goes into; absent for a new thread. */
  threadId?: string;
  parent?: ParentRef;
  /** One sentence a person can check. */
  reason: string;
}

export interface ThankYouAction extends ActionBase {
  kind: 'thank-you';
  /** The interviewer it thanks (topics personalise the text). */
  interviewer: Interviewer;
}

export interface CheckInAction extends ActionBase {
  kind: 'check-in';
}

export interface RejectionReplyAction extends ActionBase {
  kind: 'rejection-reply';
}

export type DraftAction = ThankYouAction | CheckInAction | RejectionReplyAction;

/** Where an action's draft stands. `unrecorded`: a draft of this tool's found in the mailbox that the
 *  ledger does not know (a run that crashed before recording it): `run` records it, so deleting it
 *  later still means "no". `discard`: a stale draft nobody edited, to delete with --discard-stale. */
export type DraftProgress =
  | { draft: 'planned' }
  | { draft: 'created'; draftId: string }
  | { draft: 'exists'; draftId: string; unrecorded: boolean }
  | { draft: 'dismissed'; draftId: string }
  | { draft: 'stale'; draftId: string; discard: boolean };

export type Action = DraftAction & DraftProgress;
export type PlannedAction = DraftAction & { draft: 'planned' };

export interface InterviewerState {
  name: string;
  email: string;
  thankYou: {
    status: ThankYouStatus;
    sentAt?: Date;
    /** The thank-you message's id, when one was sent. */
    messageId?: string;
    dueBy: Date;
    explanation: string;
  };
}

export interface InterviewState {
  interview: Interview;
  status: InterviewStatus;
  /** Why this status, in a sentence. */
  explanation: string;
  interviewers: InterviewerState[];
  lastCompanyMessageAt?: Date;
  unansweredFollowUps: number;
  checkInDueAt?: Date;
  actions: Action[];
  /** Further sentences explaining decisions, including skips. */
  notes: string[];
  /** Read failures that may concern this interview: while there are any, nothing new is drafted. */
  unread: Warning[];
  /** Why each message in its window counted, or did not (for --verbose; no bodies). */
  evidence: EvidenceLine[];
}

/** One message the engine looked at for an interview, and what it made of it. */
export interface EvidenceLine {
  messageId: string;
  date: Date;
  from?: string;
  subject: string;
  verdict: string;
}

/** A warning as reported: read failures name the interviews they may concern. */
export interface ReportedWarning extends Warning {
  /** Ids of the interviews a read failure may concern (none for advice). */
  concerns: string[];
}

export interface Decision {
  now: Date;
  /** Who the engine took the user to be: the addresses whose mail is theirs. */
  me: Me;
  interviews: InterviewState[];
  warnings: ReportedWarning[];
  /** Every interview configured or found in the mail, decided on or not (suggested, ignored). */
  listing?: ListedInterview[];
  /** How much mail was read: a wrong export shows at a glance. */
  reading?: ReadingSummary;
  /** Gmail: whether everything was read again or only what changed since the last run. */
  sync?: SyncSummary;
}

/** How a Gmail read went (src/gmail/sync): in full, or from the mailbox's history since the last run. */
export interface SyncSummary {
  kind: 'full' | 'incremental';
  /** Why in full (no sync state, history expired, --full …), or why some searches ran again. */
  reason?: string;
  /** The interviews whose searches ran this time: all of them on a full read, the changed ones else. */
  searched: string[];
}

export interface ReadingSummary {
  /** Messages looked at. */
  messagesRead: number;
  /** Of those, messages about the interviews. */
  messagesMatched: number;
  /** The files or archive entries read (mbox, .eml). */
  sources: string[];
}
