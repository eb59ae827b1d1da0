import type { gmail_v1 } from '@googleapis/gmail';
import { parseHeaderValue } from 'nodemailer/lib/mime-funcs';
import { decodeCalendarBytes, isCalendarPart } from './calendar-bytes.ts';

// The calendar parts of a Gmail message fetched with format=full. Gmail removes the transfer
// encoding but keeps the charset, and hands a part's bytes over in one of two ways: inline in
// body.data (base64url), which is how Google Calendar's own text/calendar part arrives, or, for a
// named attachment such as invite.ics, only as body.attachmentId, to be fetched with
// users.messages.attachments.get and decoded with calendarTextOfGmailAttachment.

type Part = gmail_v1.Schema$MessagePart;

export interface GmailCalendarAttachment {
  attachmentId: string;
  partId?: string;
  filename?: string;
  size?: number;
  /** The part's charset, which the fetched bytes are in. */
  charset?: string;
}

const MAX_DEPTH = 20;

export function calendarPartsOfGmailPayload(payload: Part): { texts: string[]; attachments: GmailCalendarAttachment[] } {
  const found = { texts: [] as string[], attachments: [] as GmailCalendarAttachment[] };
  collect(payload, 0, found);
  return found;
}

/** The text of an attachment's data as users.messages.attachments.get returns it (base64url). */
export function calendarTextOfGmailAttachment(data: string, attachment: Pick<GmailCalendarAttachment, 'charset'>): string {
  return decodeCalendarBytes(Buffer.from(data, 'base64url'), attachment.charset);
}

function collect(part: Part, depth: number, found: { texts: string[]; attachments: GmailCalendarAttachment[] }): void {
  const mime = (part.mimeType ?? '').toLowerCase();
  // A forwarded message is someone else's mail; mailparser does not open it either.
  if (depth > MAX_DEPTH || mime === 'message/rfc822') return;
  for (const child of part.parts ?? []) collect(child, depth + 1, found);
  if (mime.startsWith('multipart/') || !isCalendarPart(mime, part.filename ?? undefined)) return;
  const charset = charsetOf(part);
  const data = part.body?.data;
  const attachmentId = part.body?.attachmentId;
  if (typeof data === 'string' && data !== '') {
    found.texts.push(decodeCalendarBytes(Buffer.from(data, 'base64url'), charset));
  } else if (typeof attachmentId === 'string' && attachmentId !== '') {
    found.attachments.push(attachmentOf(part, attachmentId, charset));
  }
}

function attachmentOf(part: Part, attachmentId: string, charset: string | undefined): GmailCalendarAttachment {
  const attachment: GmailCalendarAttachment = { attachmentId };
  if (typeof part.partId === 'string') attachment.partId = part.partId;
  if (typeof part.filename === 'string' && part.filename !== '') attachment.filename = part.filename;
  if (typeof part.body?.size === 'number') attachment.size = part.body.size;
  if (charset !== undefined) attachment.charset = charset;
  return attachment;
}

function charsetOf(part: Part): string | undefined {
  const header = part.headers?.find((h) => h.name?.toLowerCase() === 'content-type')?.value;
  return typeof header === 'string' ? parseHeaderValue(header).params['charset'] : undefined;
}
