import type { gmail_v1 } from '@googleapis/gmail';
import { simpleParser, type ParsedMail } from 'mailparser';
import { ACTION_KEY_HEADER_KEY, decodeActionKey } from '../draft-mark/marker-header.ts';
import type { Message } from '../core/types.ts';
import type { Warning, WarningCode } from '../core/warnings.ts';
import { addressesOf, ruleHeadersFrom } from '../mailbox/mail-fields.ts';
import { calendarPartsOfGmailPayload } from '../invitations/gmail-calendar-parts.ts';
import { bodyText } from './message-body.ts';

export interface ParsedGmailMessage {
  message: Message;
  /** The X-Interview-Followup header: set on drafts this tool made. */
  actionKey?: string;
}

export type ParseOutcome = { ok: true; value: ParsedGmailMessage } | { ok: false; warning: Warning };

// The headers mailparser decodes for us (RFC 2047 words, address lists, msg-id lists).
const PARSED_HEADERS = new Set(['from', 'to', 'cc', 'reply-to', 'subject', 'message-id', 'in-reply-to', 'references', 'date']);
const HEADER_NAME = /^[!-9;-~]{1,100}$/;
const MAX_HEADER_VALUE = 16_384;

type Header = { name: string; value: string };

function validHeaders(payload: gmail_v1.Schema$MessagePart): Header[] {
  const headers: Header[] = [];
  for (const h of payload.headers ?? []) {
    if (typeof h.name !== 'string' || typeof h.value !== 'string' || !HEADER_NAME.test(h.name)) continue;
    headers.push({ name: h.name, value: h.value.replace(/[\r\n]+/g, ' ').slice(0, MAX_HEADER_VALUE) });
  }
  return headers;
}

function firstHeader(headers: Header[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

/** When Gmail received the message (internalDate, epoch ms as a string), if it says. */
export function internalDateOf(raw: Pick<gmail_v1.Schema$Message, 'internalDate'>): Date | undefined {
  const ms = typeof raw.internalDate === 'string' && /^\d{1,16}$/.test(raw.internalDate) ? Number(raw.internalDate) : NaN;
  return Number.isFinite(ms) && ms > 0 ? new Date(ms) : undefined;
}

function messageDate(raw: Pick<gmail_v1.Schema$Message, 'internalDate'>, headerDate: Date | undefined): Date | undefined {
  return internalDateOf(raw) ?? (headerDate !== undefined && !Number.isNaN(headerDate.getTime()) ? headerDate : undefined);
}

function warn(code: WarningCode, message: string, source: string | undefined): ParseOutcome {
  return { ok: false, warning: { code, message, ...(source === undefined ? {} : { source }) } };
}

type ValidMessage = gmail_v1.Schema$Message & { id: string; threadId: string; payload: gmail_v1.Schema$MessagePart };

function isValid(raw: gmail_v1.Schema$Message): raw is ValidMessage {
  return typeof raw?.id === 'string' && typeof raw.threadId === 'string' && typeof raw.payload === 'object' && raw.payload !== null;
}

/** mailparser reads the headers it knows; each is passed once (the first, as elsewhere here). */
function parseHeaderBlock(headers: Header[]): Promise<ParsedMail> {
  const seen = new Set<string>();
  const block = headers
    .filter((h) => {
      const name = h.name.toLowerCase();
      if (!PARSED_HEADERS.has(name) || seen.has(name)) return false;
      seen.add(name);
      return true;
    })
    .map((h) => `${h.name}: ${h.value}\r\n`);
  return simpleParser(Buffer.from(`${block.join('')}\r\n`, 'utf8'), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
}

function carriesCalendar(payload: gmail_v1.Schema$MessagePart): boolean {
  const parts = calendarPartsOfGmailPayload(payload);
  return parts.texts.length > 0 || parts.attachments.length > 0;
}

function buildMessage(raw: ValidMessage, headers: Header[], parsed: ParsedMail, date: Date): Message {
  const [from] = addressesOf(parsed.from);
  const references = parsed.references;
  return {
    id: raw.id,
    threadId: raw.threadId,
    ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
    ...(parsed.inReplyTo ? { inReplyTo: parsed.inReplyTo } : {}),
    references: Array.isArray(references) ? references : references ? [references] : [],
    ...(from ? { from } : {}),
    replyTo: addressesOf(parsed.replyTo),
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    date,
    subject: parsed.subject ?? '',
    labels: (raw.labelIds ?? []).filter((l): l is string => typeof l === 'string'),
    headers: ruleHeadersFrom((name) => firstHeader(headers, name)),
    text: bodyText(raw.payload),
    ...(carriesCalendar(raw.payload) ? { calendar: true } : {}),
  };
}

/** Gmail's JSON for one message (format full or metadata) → our Message, right at the edge.
 *  Never throws: a message that cannot be read becomes a Warning. */
export async function parseGmailMessage(raw: gmail_v1.Schema$Message): Promise<ParseOutcome> {
  const source = typeof raw?.id === 'string' ? `gmail message ${raw.id}` : undefined;
  if (!isValid(raw)) {
    return warn('gmail-message-unreadable', 'Gmail returned a message without id, thread or payload; skipped.', source);
  }
  try {
    const headers = validHeaders(raw.payload);
    const parsed = await parseHeaderBlock(headers);
    const date = messageDate(raw, parsed.date);
    if (date === undefined) return warn('gmail-message-no-date', 'A Gmail message has no usable date; skipped.', source);
    const message = buildMessage(raw, headers, parsed, date);
    const actionKey = decodeActionKey(firstHeader(headers, ACTION_KEY_HEADER_KEY));
    return { ok: true, value: actionKey === undefined ? { message } : { message, actionKey } };
  } catch (error) {
    const why = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return warn('gmail-message-unreadable', `A Gmail message could not be read (${why}); skipped.`, source);
  }
}
