import { decodeActionKey } from '../compose/action-key-header.ts';
import { simpleParser } from 'mailparser';
import type { AddressObject, EmailAddress, HeaderLines, ParsedMail } from 'mailparser';
import { RULE_HEADERS } from '../core/types.ts';
import type { Address, Message, Warning } from '../core/types.ts';
import { mapTakeoutLabels } from './gmail-labels.ts';
import { keepHeaders } from './keep-headers.ts';
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
  const from = toAddresses(mail.from)[0];
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
    replyTo: toAddresses(mail.replyTo),
    to: toAddresses(mail.to),
    cc: toAddresses(mail.cc),
    date,
    subject: mail.subject ?? '',
    labels: mapTakeoutLabels(rawHeader(lines, 'x-gmail-labels') ?? ''),
    headers: ruleHeaders(lines),
    text,
  };
  const actionKey = decodeActionKey(rawHeader(lines, 'x-interview-followup'));
  return { parsed: { message, gmailThreadId, actionKey }, warnings };
}

function messageDate(header: string | undefined, options: ParseOptions, warnings: Warning[]): Date | undefined {
  const date = parseDateHeader(header);
  if (date !== undefined) return date;
  const problem = header === undefined ? 'has no Date header' : `has an invalid Date header "${header.slice(0, 80)}"`;
  if (options.fallbackDate === undefined) {
    warnings.push(warn('missing-date', `This message ${problem} and no other date; skipped.`, options));
    return undefined;
  }
  const code = header === undefined ? 'missing-date' : 'invalid-date';
  const origin = options.fallbackDateOrigin ?? 'another date';
  const instead = `using ${origin} (${options.fallbackDate.toISOString()}) instead`;
  warnings.push(warn(code, `This message ${problem}; ${instead}.`, options));
  return options.fallbackDate;
}

function warn(code: string, message: string, options: ParseOptions): Warning {
  return { code, message, source: options.source };
}

function bodyText(mail: ParsedMail): string {
  // mailparser already turns an HTML-only body into text (html-to-text).
  return typeof mail.text === 'string' ? mail.text : '';
}

const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

function toAddresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  const visit = (entry: EmailAddress): void => {
    if (entry.group !== undefined) entry.group.forEach(visit);
    else if (entry.address !== undefined && EMAIL_SHAPE.test(entry.address)) {
      const email = entry.address.toLowerCase();
      out.push(entry.name ? { name: entry.name, email } : { email });
    }
  };
  for (const object of field === undefined ? [] : [field].flat()) object.value.forEach(visit);
  return out;
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

function ruleHeaders(lines: HeaderLines): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of RULE_HEADERS) {
    const value = rawHeader(lines, name);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

/** Takeout writes X-GM-THRID/X-GM-MSGID in decimal; Gmail's API uses the same number in hex. */
function gmailId(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d{1,30}$/.test(value) ? BigInt(value).toString(16) : value.slice(0, 100);
}
