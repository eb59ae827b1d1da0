import type { ActionKind, DraftAction, Interview, ParentRef } from '../core/types.ts';

// A msg-id is "<" id-left "@" id-right ">" (RFC 5322 §3.6.4); anything else from an untrusted
// header is dropped rather than copied into ours.
const MSG_ID = /^<[^<>\s]{1,900}>$/;
// RFC 5322 §3.6.4 lets a long References list be trimmed; keep the thread root and the newest ones.
const MAX_REFERENCES = 30;

function validIds(ids: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    const trimmed = id?.trim();
    if (trimmed && MSG_ID.test(trimmed)) seen.add(trimmed);
  }
  return [...seen];
}

/** In-Reply-To and References for a reply to `parent` (RFC 5322 §3.6.4). */
export function replyHeaders(parent: ParentRef): { inReplyTo?: string; references: string[] } {
  const [messageId] = validIds([parent.messageId]);
  const before = parent.references.length > 0 ? parent.references : [parent.inReplyTo];
  const chain = [...validIds(before).filter((id) => id !== messageId), ...(messageId ? [messageId] : [])];
  const references =
    chain.length > MAX_REFERENCES ? [chain[0] as string, ...chain.slice(-(MAX_REFERENCES - 1))] : chain;
  return messageId ? { inReplyTo: messageId, references } : { references };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "Re: " + the parent's subject, never doubled; Gmail files a draft into the thread only when the
 *  subjects match (docs/gmail.md §1), so other prefixes such as "Fwd:" stay as they are. */
export function replySubject(parentSubject: string): string {
  const subject = oneLine(parentSubject);
  return /^re\s*:/i.test(subject) ? subject : `Re: ${subject}`;
}

export function newThreadSubject(kind: ActionKind, interview: Interview): string {
  switch (kind) {
    case 'thank-you':
      return interview.role ? `Thank you — ${oneLine(interview.role)} interview` : `Thank you — my interview at ${oneLine(interview.company)}`;
    case 'check-in':
      return `Following up: ${interview.role ? oneLine(interview.role) : 'my interview'} at ${oneLine(interview.company)}`;
    case 'rejection-reply':
      return 'Thank you for letting me know';
  }
}

export function subjectFor(action: Pick<DraftAction, 'kind' | 'parent'>, interview: Interview): string {
  const parentSubject = action.parent ? oneLine(action.parent.subject) : '';
  return parentSubject === '' ? newThreadSubject(action.kind, interview) : replySubject(parentSubject);
}
