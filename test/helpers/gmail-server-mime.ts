// Builds the JSON Gmail's API serves for a message (payload tree, headers, base64url bodies) from
// the raw RFC 5322 bytes, the way Gmail does: transfer encodings removed, charsets left alone,
// attachments replaced by an attachmentId.
import { parseHeaderValue } from 'nodemailer/lib/mime-funcs';

export interface GmailHeader {
  name: string;
  value: string;
}

export interface GmailPart {
  partId: string;
  mimeType: string;
  filename: string;
  headers: GmailHeader[];
  body: { size: number; data?: string; attachmentId?: string };
  parts?: GmailPart[];
}

const MAX_DEPTH = 20;

/** Header block and body, split at the first empty line; both as latin1 (one char per byte). */
function splitEntity(entity: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(entity);
  if (match === null) return { head: entity, body: '' };
  return { head: entity.slice(0, match.index), body: entity.slice(match.index + match[0].length) };
}

export function parseHeaderBlock(head: string): GmailHeader[] {
  const headers: GmailHeader[] = [];
  for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    // Raw 8-bit header bytes are taken as UTF-8, as Gmail shows them.
    const value = Buffer.from(line.slice(colon + 1).trim(), 'latin1').toString('utf8');
    headers.push({ name: line.slice(0, colon).trim(), value });
  }
  return headers;
}

export function headerValue(headers: GmailHeader[], name: string): string | undefined {
  return headers.find((h) => h.name.toLowerCase() === name)?.value;
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** The parts of a multipart body between "--boundary" lines (RFC 2046 §5.1.1). */
function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    if (line.trimEnd() === `--${boundary}--`) break;
    if (line.trimEnd() === `--${boundary}`) {
      if (current !== undefined) parts.push(current.join('\r\n'));
      current = [];
    } else current?.push(line);
  }
  if (current !== undefined) parts.push(current.join('\r\n'));
  return parts;
}

function buildPart(entity: string, partId: string, depth: number, attachments?: Map<string, string>): GmailPart {
  const { head, body } = splitEntity(entity);
  const headers = parseHeaderBlock(head);
  const type = parseHeaderValue(headerValue(headers, 'content-type') ?? 'text/plain');
  const mimeType = type.value.toLowerCase() || 'text/plain';
  const disposition = parseHeaderValue(headerValue(headers, 'content-disposition') ?? '');
  const filename = disposition.params.filename ?? type.params.name ?? '';
  const boundary = type.params.boundary;
  if (mimeType.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    const prefix = partId === '' ? '' : `${partId}.`;
    const parts = splitMultipart(body, boundary).map((p, i) => buildPart(p, `${prefix}${i}`, depth + 1, attachments));
    return { partId, mimeType, filename, headers, body: { size: 0 }, parts };
  }
  const bytes = decodeBody(body, (headerValue(headers, 'content-transfer-encoding') ?? '').trim().toLowerCase());
  if (filename !== '') {
    attachments?.set(`att-${partId}`, bytes.toString('base64url'));
    return { partId, mimeType, filename, headers, body: { size: bytes.length, attachmentId: `att-${partId}` } };
  }
  return { partId, mimeType, filename, headers, body: { size: bytes.length, data: bytes.toString('base64url') } };
}

/** Gmail's `payload` for a raw message. */
export function gmailPayload(raw: Buffer): GmailPart {
  return buildPart(raw.toString('latin1'), '', 0);
}

/** What users.messages.attachments.get serves for each attachmentId of gmailPayload(raw): base64url data. */
export function gmailAttachmentData(raw: Buffer): Map<string, string> {
  const attachments = new Map<string, string>();
  buildPart(raw.toString('latin1'), '', 0, attachments);
  return attachments;
}
