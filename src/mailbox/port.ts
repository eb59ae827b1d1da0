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
}

export interface Mailbox {
  read(query: MailboxQuery, options?: { onProgress?: (p: ReadProgress) => void }): Promise<MailboxContents>;
}
