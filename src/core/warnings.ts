// Every warning the tool can give, and what it means. A read failure is mail that could not be read:
// the interviews it may concern get no new draft this run, and `run` exits 5. Advice is said and
// changes nothing. A new code must be added here with its kind, so no code changes the exit code
// without saying so.
export const WARNING_KINDS = {
  // advice
  'shared-thank-you': 'advice',
  'date-replaced': 'advice',
  'config-invitation-differs': 'advice',
  // read failures
  'unparseable-message': 'read-failure',
  'broken-message': 'read-failure',
  'undated-message': 'read-failure',
  'unreadable-file': 'read-failure',
  'broken-invitation': 'read-failure',
  'gmail-thread-failed': 'read-failure',
  'gmail-thread-unreadable': 'read-failure',
  'gmail-message-unreadable': 'read-failure',
  'gmail-message-no-date': 'read-failure',
  'gmail-message-failed': 'read-failure',
} as const satisfies Record<string, WarningKind>;

export type WarningKind = 'advice' | 'read-failure';
export type WarningCode = keyof typeof WARNING_KINDS;

/** What a read failure may concern: the addresses in the unread message's headers, the company
 *  names its bytes mention, or the interviews whose searches found it. A read failure with no
 *  evidence at all may concern any interview. */
export interface WarningEvidence {
  /** Lower-cased addresses from the headers (From, To, Cc, Reply-To, Sender). */
  addresses?: string[];
  /** Company names (as configured or discovered) that the raw message names. */
  companies?: string[];
  /** Interviews whose mailbox searches returned the thread or message. */
  interviewIds?: string[];
  /** The Gmail thread the unread message is in: it concerns the interviews whose mail that thread holds. */
  threadIds?: string[];
}

/** A problem with the input that was reported and skipped, never a crash. */
export interface Warning {
  code: WarningCode;
  message: string;
  /** Where: a file and byte offset, a Gmail message id, an interview id … */
  source?: string;
  evidence?: WarningEvidence;
}

export function warningKind(warning: Pick<Warning, 'code'>): WarningKind {
  return WARNING_KINDS[warning.code];
}

export function isReadFailure(warning: Pick<Warning, 'code'>): boolean {
  return warningKind(warning) === 'read-failure';
}
