// A fixture message read the two ways the product reads mail: parsed by mailparser (mbox, .eml),
// and as Gmail serves it (format=full payload, attachments fetched by id).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { InvitationMessage } from '../../src/core/invitation.ts';
import { calendarPartsOfGmailPayload, calendarTextOfGmailAttachment } from '../../src/invitations/gmail-calendar-parts.ts';
import { calendarTextsFromMailparser } from '../../src/invitations/mailparser-calendar-parts.ts';
import { invitationsOf, type MessageInvitations } from '../../src/invitations/message-invitations.ts';
import { addressesOf } from '../../src/mailbox/mail-fields.ts';
import { gmailAttachmentData, gmailPayload } from '../helpers/gmail-server-mime.ts';

export const INVITATION_FIXTURES = join(import.meta.dirname, '../../fixtures/invitations');

export function fixture(name: string): Buffer {
  return readFileSync(join(INVITATION_FIXTURES, name));
}

/** The message's own headers, as an adapter would hand them over. */
export async function invitationMessage(raw: Buffer, id: string): Promise<InvitationMessage> {
  const mail = await simpleParser(raw);
  const message: InvitationMessage = {
    id,
    threadId: id,
    subject: mail.subject ?? '',
    to: addressesOf(mail.to),
    cc: addressesOf(mail.cc),
    date: mail.date ?? new Date(0),
    labels: [],
  };
  if (mail.messageId) message.messageId = mail.messageId;
  const from = addressesOf(mail.from)[0];
  if (from !== undefined) message.from = from;
  return message;
}

export async function calendarTextsViaMailparser(raw: Buffer): Promise<string[]> {
  return calendarTextsFromMailparser(await simpleParser(raw));
}

/** Inline parts from body.data, then each attachment fetched as users.messages.attachments.get would. */
export function calendarTextsViaGmail(raw: Buffer): string[] {
  const { texts, attachments } = calendarPartsOfGmailPayload(gmailPayload(raw));
  const served = gmailAttachmentData(raw);
  return [...texts, ...attachments.map((attachment) => {
    const data = served.get(attachment.attachmentId);
    if (data === undefined) throw new Error(`no attachment ${attachment.attachmentId}`);
    return calendarTextOfGmailAttachment(data, attachment);
  })];
}

export async function invitationsBothWays(name: string): Promise<{ mbox: MessageInvitations; gmail: MessageInvitations }> {
  const raw = fixture(name);
  const message = await invitationMessage(raw, name);
  return {
    mbox: await invitationsOf(await calendarTextsViaMailparser(raw), message, name),
    gmail: await invitationsOf(calendarTextsViaGmail(raw), message, name),
  };
}
