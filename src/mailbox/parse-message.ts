import { ACTION_KEY_HEADER_KEY, decodeActionKey } from '../draft-mark/marker-header.ts';
import { simpleParser } from 'mailparser';
import type { AddressObject, HeaderLines, ParsedMail } from 'mailparser';
import { calendarTextsFromMailparser } from '../invitations/mailparser-calendar-parts.ts';
import type { Address, Message } from '../core/types.ts';
import type { Warning, WarningCode } from '../core/warnings.ts';
import { mapTakeoutLabels } from './gmail-labels.ts';
import { keepHeaders } from './keep-headers.ts';
import { addressesOf, ruleHeadersFrom } from './mail-fields.ts';
import { parseDateHeader } from './message-date.ts';

export interface ParseOptions {
  /** Where the message came from, for warnings: "mail.mbox@1234" (byte offset) or a file. */
  source: string;
  /** The id when the message has neither X-GM-MSGID nor Message-ID. */
  fallbackId: string;
  /** Used when the Date header is missing or invalid: the mbox From_ line date, a file's mtime. */
  fallbackDate?: Date;
  /** What fallbackDate is, for the warning: "the date on its mbox From_ line". */
  fallbackDateOrigin?: string;
}

export interface ParsedMessage {
  /** threadId is the Gmail thread id (X-GM-THRID) when known, else the message's own id until threaded. */
  message: Message;
  /** X-GM-THRID as Gmail's API writes thread ids (hex), when the message has one. */
  gmailThreadId?: string;
  /** The X-Interview-Followup header: the action key of a draft this tool made. */
  actionKey?: string;
  /** The texts of its calendar parts (inline text/calendar or .ics attachments), when it has any. */
  calendarTexts?: string[];
  /** The Sender header (Google Calendar: calendar-notification@google.com). */
  sender?: Address;
}

export interface ParseOutcome {
  /** Absent when the message was skipped; the warnings then say why. */
  parsed?: ParsedMessage;
  warnings: Warning[];
}

const PARSER_OPTIONS = { skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true } as const;

/** Parses one RFC 5322 message. Never throws: a message that cannot be read comes back as a Warning. */
export async function parseMessage(raw: Buffer, options: ParseOptions): Promise<ParseOutcome> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(keepHeaders(raw), PARSER_OPTIONS);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { warnings: [warn('unparseable-message', `Cannot parse this message (${reason}); skipped.`, options)] };
  }
  return toParsedMessage(mail, options);
}

function toParsedMessage(mail: ParsedMail, options: ParseOptions): ParseOutcome {
  const lines = mail.headerLines ?? [];
  const from = addressesOf(mail.from)[0];
  const dateHeader = rawHeader(lines, 'date');
  const text = bodyText(mail);
  const hasHeaders = lines.some((line) => line.key !== '');
  if (from === undefined && dateHeader === undefined && (text.trim() === '' || !hasHeaders)) {
    const what = hasHeaders ? 'no From, no Date and no body' : 'no readable header';
    return { warnings: [warn('broken-message', `This message has ${what}; skipped.`, options)] };
  }
  const warnings: Warning[] = [];
  const date = messageDate(dateHeader, options, warnings);
  if (date === undefined) return { warnings };
  const gmailThreadId = gmailId(rawHeader(lines, 'x-gm-thrid'));
  const messageId = mail.messageId || undefined;
  const id = gmailId(rawHeader(lines, 'x-gm-msgid')) ?? messageId ?? options.fallbackId;
  const message: Message = {
    id,
    threadId: gmailThreadId ?? id,
    messageId,
    inReplyTo: mail.inReplyTo || undefined,
    references: toReferences(mail.references),
    from,
    replyTo: addressesOf(mail.replyTo),
    to: addressesOf(mail.to),
    cc: addressesOf(mail.cc),
    date,
    subject: mail.subject ?? '',
    labels: mapTakeoutLabels(rawHeader(lines, 'x-gmail-labels') ?? ''),
    headers: ruleHeadersFrom((name) => rawHeader(lines, name)),
    text,
  };
  const actionKey = decodeActionKey(rawHeader(lines, ACTION_KEY_HEADER_KEY));
  const calendarTexts = calendarTextsFromMailparser(mail);
  if (calendarTexts.length > 0) message.calendar = true;
  const sender = addressesOf(mail.headers.get('sender') as AddressObject | undefined)[0];
  return {
    parsed: { message, gmailThreadId, actionKey, ...(calendarTexts.length > 0 ? { calendarTexts } : {}), ...(sender ? { sender } : {}) },
    warnings,
  };
}

function messageDate(header: string | undefined, options: ParseOptions, warnings: Warning[]): Date | undefined {
  const date = parseDateHeader(header);
  if (date !== undefined) return date;
  const problem = header === undefined ? 'has no Date header' : `has an invalid Date header "${header.slice(0, 80)}"`;
  if (options.fallbackDate === undefined) {
    warnings.push(warn('undated-message', `This message ${problem} and no other date; skipped.`, options));
    return undefined;
  }
  const origin = options.fallbackDateOrigin ?? 'another date';
  const instead = `using ${origin} (${options.fallbackDate.toISOString()}) instead`;
  warnings.push(warn('date-replaced', `This message ${problem}; ${instead}.`, options));
  return options.fallbackDate;
}

function warn(code: WarningCode, message: string, options: ParseOptions): Warning {
  return { code, message, source: options.source };
}

function bodyText(mail: ParsedMail): string {
  // mailparser already turns an HTML-only body into text (html-to-text).
  return typeof mail.text === 'string' ? mail.text : '';
}

function toReferences(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((ref) => ref !== '');
}

/** The unfolded value of the first header with this (lower-case) name, undecoded. */
function rawHeader(lines: HeaderLines, key: string): string | undefined {
  const line = lines.find((entry) => entry.key === key)?.line;
  if (line === undefined) return undefined;
  return line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]/g, ' ').trim();
}

/** Takeout writes X-GM-THRID/X-GM-MSGID in decimal; Gmail's API uses the same number in hex. */
function gmailId(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,30}$/.test(value) ? BigInt(value).toString(16) : value.slice(0, 100);
}
