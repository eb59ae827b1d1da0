import type { Invitation } from '../../core/invitation.ts';
import type { Warning } from '../../core/types.ts';
import type { GmailIdentity } from '../profile.ts';
import type { ThreadRecord } from './thread-record.ts';

// What one run leaves the next, so that a run with nothing new costs two requests (getProfile and
// history.list) instead of a full read: src/state/sync-state.ts stores it next to the ledger.

/** Raised whenever the meaning of a field changes: a state of another format is read again in full. */
export const SYNC_FORMAT = 1;

/** One invitation-search hit (read-invitations.ts): a message and the invitations in it. */
export interface InvitationHit {
  messageId: string;
  threadId?: string;
  /** Gmail's internalDate, which the searches' after: compares; absent when Gmail gave none. */
  date?: Date;
  labels: string[];
  invitations: Invitation[];
  warnings: Warning[];
  /** Gmail failed on it (an error, not the mail): fetched again next time. */
  retry?: boolean;
}

/** Each interview's part of the searches when the state was saved (search-plan.ts keys: its
 *  addresses, domains and company name): to say which interview's searches changed. */
export interface InterviewSearch {
  keys: string[];
}

export interface SyncState {
  format: number;
  /** Where the next history.list starts (docs/gmail.md §3). */
  historyId: string;
  savedAt: Date;
  /** The account's send-as addresses, refreshed on a full read or once a day (profile.ts). */
  identity?: GmailIdentity & { fetchedAt: Date };
  /** What the thread and draft searches covered: every thread and draft the matcher finds for
   *  these owners keys since `since` is in `threads`, for these applicant-tracking domains. */
  coverage: { since: Date; keys: string[]; atsDomains: string[] };
  interviews: Record<string, InterviewSearch>;
  threads: ThreadRecord[];
  /** The invitation searches' hits since `since` (absent: not read last time). */
  invitations?: { since: Date; hits: InvitationHit[] };
}
