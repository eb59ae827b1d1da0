import type { Attachment, ParsedMail } from 'mailparser';
import { decodeCalendarBytes, isCalendarPart } from './calendar-bytes.ts';

// The calendar parts of a message mailparser has parsed (mbox, .eml). mailparser 3.9 never puts a
// text/calendar part into `mail.text`: an inline one (Outlook's meeting request, Google's part in
// multipart/alternative) becomes an attachment just like invite.ics, with its bytes still in the
// part's charset. A forwarded message (message/rfc822) is one opaque attachment, so an invitation
// inside it is not read, as in the Gmail adapter.

/** Unnamed (inline) parts first, then named files, each in message order: the order the Gmail
 *  adapter gets them in (body.data parts at once, attachments after fetching them). */
export function calendarTextsFromMailparser(mail: ParsedMail): string[] {
  const parts = mail.attachments.filter((attachment) => isCalendarPart(attachment.contentType, attachment.filename));
  const named = (attachment: Attachment): boolean => (attachment.filename ?? '') !== '';
  return [...parts.filter((a) => !named(a)), ...parts.filter(named)]
    .map((attachment) => decodeCalendarBytes(attachment.content, charsetOf(attachment)));
}

function charsetOf(attachment: Attachment): string | undefined {
  const contentType = attachment.headers.get('content-type');
  if (typeof contentType !== 'object' || contentType === null || !('params' in contentType)) return undefined;
  const charset = contentType.params['charset'];
  return typeof charset === 'string' ? charset : undefined;
}
