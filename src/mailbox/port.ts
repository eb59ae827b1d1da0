import type { Invitation } from '../core/invitation.ts';
import type { ActionKind, Address, PendingDraft, Thread, Warning } from '../core/types.ts';

/** Which mail matters: anything from, to or cc one of these addresses or domains since a date.
 *  Mail from an applicant-tracking system is included when it names one of the companies (R3). */
export interface MailboxQuery {
  /** Lower-cased addresses. */
  addresses: string[];
  /** Lower-cased domains; subdomains match too. */
  domains: string[];
  /** Company names, for mail from applicant-tracking systems. */
  companies: string[];
  since: Date;
  /** The interviews each address, domain and company name (lower-cased) is searched for: what a
   *  read failure is attributed to when nothing else is known of the unread mail. */
  owners?: Readonly<Record<string, readonly string[]>>;
}

export interface ReadProgress {
  bytesRead?: number;
  bytesTotal?: number;
  messagesMatched?: number;
  threadsFetched?: number;
  threadsTotal?: number;
}

export interface MailboxContents {
  threads: Thread[];
  drafts: PendingDraft[];
  /** Messages that could not be read: reported, skipped. */
  warnings: Warning[];
  /** What an mbox or .eml read went through (absent for Gmail): every message seen, those kept
   *  (thread messages and drafts), and the files or archive entries read, in order. */
  stats?: { messagesRead: number; messagesMatched: number; sources: string[] };
}

/** The calendar invitations in the mailbox (src/invitations parsed them), for discovery. */
export interface InvitationsRead {
  invitations: Invitation[];
  /** Calendar parts or messages that could not be read. */
  warnings: Warning[];
  /** How many messages were looked at for them. */
  messagesRead: number;
}

export interface InvitationReadOptions {
  onProgress?: (p: ReadProgress) => void;
  /** The mail the `read` that follows will want, as far as known (the configured interviews): an
   *  export read in one pass may parse it on the way. */
  expect?: MailboxQuery;
  /** My addresses: the people of an invitation who are not me tell what mail to expect next. */
  mine?: readonly string[];
}

export interface Mailbox {
  /** The calendar invitations received since `since`. Called before `read` when discovery is on;
   *  a mailbox may keep what it learnt on the way for the `read` that follows. */
  readInvitations(since: Date, options?: InvitationReadOptions): Promise<InvitationsRead>;
  read(query: MailboxQuery, options?: { onProgress?: (p: ReadProgress) => void }): Promise<MailboxContents>;
}

/** A draft ready to be stored: the MIME message built by src/compose. */
export interface ComposedDraft {
  actionKey: string;
  interviewId: string;
  kind: ActionKind;
  /** Recipients' addresses. */
  to: Address[];
  threadId?: string;
  /** The RFC 5322 message, CRLF line endings. */
  raw: Buffer;
  /** sha256 hex of the parts a user would edit (recipients, subject, text): see src/compose. */
  contentHash: string;
}

/** Where `run` leaves drafts: a folder of .eml files, or Gmail drafts. Never sends. */
export interface DraftStore {
  /** Creates the draft; returns its id (Gmail draft id, or the file name) and, for a file, where it is. */
  create(draft: ComposedDraft): Promise<{ draftId: string; location?: string }>;
  /** Deletes one of the tool's own drafts (only for --discard-stale), only if it still carries the
   *  tool's mark and its content hash is still `expectedHash` (nobody edited it); false otherwise.
   *  True too when it is already gone. */
  discard(draftId: string, expectedHash: string): Promise<boolean>;
}
