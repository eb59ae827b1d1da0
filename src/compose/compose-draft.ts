import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Action, Address, Interview, Interviewer, Me } from '../core/types.ts';
import type { ComposedDraft } from '../mailbox/port.ts';
import { ACTION_KEY_HEADER, encodeActionKey } from '../draft-mark/marker-header.ts';
import { contentHashOf } from '../draft-mark/content-hash.ts';
import { personalFirstName } from './names.ts';
import { checkInText, rejectionReplyText, THANK_YOU_VARIANTS, thankYouText } from './templates.ts';
import { replyHeaders, subjectFor } from './threading.ts';

export interface ComposeInput {
  action: Action;
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
  to: Address[];
}

function thankYouFor(action: Action, interview: Interview): { interviewer: Interviewer; variant: number } {
  const email = (action.interviewer?.email ?? action.to[0]?.email ?? '').toLowerCase();
  const index = interview.interviewers.findIndex((i) => i.email.toLowerCase() === email);
  const interviewer = action.interviewer ??
    interview.interviewers[index] ?? { name: action.to[0]?.name ?? '', email, topics: [] };
  // The interviewer's place in the interview keeps two notes of one interview apart (S4: they
  // compare); up to THANK_YOU_VARIANTS interviewers sharing a first name still get distinct texts.
  const variant = index >= 0 ? index : createHash('sha256').update(email).digest().readUInt32BE(0);
  return { interviewer, variant: variant % THANK_YOU_VARIANTS };
}

export function draftText(input: Omit<ComposeInput, 'date'>): string {
  const { action, interview, me } = input;
  switch (action.kind) {
    case 'thank-you':
      return thankYouText({ interview, me, ...thankYouFor(action, interview) });
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
  const { action, interview, me } = input;
  const fromEmail = me.emails[0];
  if (fromEmail === undefined) throw new Error('me.emails is empty: a draft needs a From address');
  const subject = subjectFor(action, interview);
  const text = draftText(input);
  const to = action.to.map((a) => ({ ...a }));
  const threading = action.parent ? replyHeaders(action.parent) : { references: [] };
  const raw = await new MailComposer({
    from: { name: me.name, address: fromEmail },
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
    ...(threadId === undefined ? {} : { threadId }),
    raw,
    contentHash: contentHashOf({ to, subject, text }),
    subject,
    text,
    to,
  };
}
