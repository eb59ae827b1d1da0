import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Interview, Interviewer, Me, PlannedAction } from '../core/types.ts';
import type { ComposedDraft } from '../mailbox/port.ts';
import { ACTION_KEY_HEADER, encodeActionKey } from '../draft-mark/marker-header.ts';
import { contentHashOf } from '../draft-mark/content-hash.ts';
import { personalFirstName } from './names.ts';
import { checkInText, rejectionReplyText, THANK_YOU_VARIANTS, thankYouText } from './templates.ts';
import { replyHeaders, subjectFor } from './threading.ts';

export interface ComposeInput {
  action: PlannedAction;
  interview: Interview;
  me: Me;
  /** IANA zone the user lives in: dates in the text are written in it. */
  timezone: string;
  /** The Date header; defaults to the current time. */
  date?: Date;
}

export interface DraftMessage extends ComposedDraft {
  subject: string;
  /** The body as composed, LF line endings (the raw message has CRLF). */
  text: string;
}

/** The interviewer's place in the interview keeps two notes of one interview apart (S4: they
 *  compare); up to THANK_YOU_VARIANTS interviewers sharing a first name still get distinct texts. */
function variantFor(interviewer: Interviewer, interview: Interview): number {
  const index = interview.interviewers.findIndex((i) => i.email === interviewer.email);
  const variant = index >= 0 ? index : createHash('sha256').update(interviewer.email).digest().readUInt32BE(0);
  return variant % THANK_YOU_VARIANTS;
}

export function draftText(input: Omit<ComposeInput, 'date'>): string {
  const { action, interview, me } = input;
  switch (action.kind) {
    case 'thank-you':
      return thankYouText({ interview, me, interviewer: action.interviewer, variant: variantFor(action.interviewer, interview) });
    case 'check-in':
    case 'rejection-reply': {
      const recipientFirstName =
        action.to.length === 1 ? personalFirstName(action.to[0], interview.company) : undefined;
      return action.kind === 'check-in'
        ? checkInText({ interview, me, recipientFirstName, timezone: input.timezone })
        : rejectionReplyText({ interview, me, recipientFirstName });
    }
  }
}

/** One RFC 5322 draft (CRLF) for an action: a reply in the parent's thread, or a new thread. */
export async function composeDraft(input: ComposeInput): Promise<DraftMessage> {
  const { action, interview } = input;
  const subject = subjectFor(action, interview);
  const text = draftText(input);
  const to = action.to.map((a) => ({ ...a }));
  const threading = action.parent ? replyHeaders(action.parent) : { references: [] };
  const raw = await new MailComposer({
    from: { name: action.from.name ?? '', address: action.from.email },
    to: to.map((a) => ({ name: a.name ?? '', address: a.email })),
    subject,
    text,
    date: input.date,
    inReplyTo: threading.inReplyTo,
    references: threading.references.length > 0 ? threading.references : undefined,
    headers: { [ACTION_KEY_HEADER]: encodeActionKey(action.key) },
    newline: 'windows',
  })
    .compile()
    .build();
  const threadId = action.threadId ?? action.parent?.threadId;
  return {
    actionKey: action.key,
    interviewId: action.interviewId,
    kind: action.kind,
    ...(threadId === undefined ? {} : { threadId }),
    raw,
    contentHash: contentHashOf({ to, subject, text }),
    subject,
    text,
    to,
  };
}
