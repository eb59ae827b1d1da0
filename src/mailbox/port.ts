import type { PendingDraft, Thread, Warning } from '../core/types.ts';

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

export interface Mailbox {
  read(query: MailboxQuery, options?: { onProgress?: (p: ReadProgress) => void }): Promise<MailboxContents>;
}

/** A draft ready to be stored: the MIME message built by src/compose. */
export interface ComposedDraft {
  actionKey: string;
  threadId?: string;
  /** The RFC 5322 message, CRLF line endings. */
  raw: Buffer;
  /** sha256 hex of the parts a user would edit (recipients, subject, text): see src/compose. */
  contentHash: string;
}

/** Where `run` leaves drafts: a folder of .eml files, or Gmail drafts. Never sends. */
export interface DraftStore {
  /** Creates the draft; returns its id (Gmail draft id, or the file name). */
  create(draft: ComposedDraft): Promise<{ draftId: string }>;
  /** A draft this tool already made for the action (found by its X-Interview-Followup header): what
   *  a retried create checks first, so a lost response never leaves two drafts. (A run that crashed
   *  before its ledger write is healed by the next run's read, which sees the header too.) */
  findByActionKey(actionKey: string, threadId?: string): Promise<string | undefined>;
  /** The content hash of a waiting draft as it is now, or undefined when it is gone. */
  currentContentHash(draftId: string): Promise<string | undefined>;
  /** Deletes one of the tool's own untouched drafts (only for --discard-stale). */
  discard(draftId: string): Promise<void>;
}
