// Gmail messages carry kilobytes of Received, DKIM and ARC headers that nothing here reads, and
// mailparser decodes every header line it is given: dropping them first halves the cost of a parse.
import { RULE_HEADERS } from '../core/types.ts';
import { ACTION_KEY_HEADER_KEY } from '../draft-mark/marker-header.ts';
import { findHeaderEnd } from './header-scan.ts';

const KEPT = new Set<string>([
  'from', 'to', 'cc', 'reply-to', 'sender', 'subject', 'date', 'message-id', 'in-reply-to', 'references',
  'mime-version', 'x-gm-thrid', 'x-gm-msgid', 'x-gmail-labels', ACTION_KEY_HEADER_KEY, ...RULE_HEADERS,
]);
const LF = 0x0a;
const COLON = 0x3a;
const MAX_NAME = 80;

/** The message with only the top-level header lines the Message type is made from (and the
 *  Content-* ones mailparser needs for the body); lines it cannot name are left for mailparser. */
export function keepHeaders(raw: Buffer): Buffer {
  const end = findHeaderEnd(raw);
  if (end === -1) return raw;
  const pieces: Buffer[] = [];
  let keep = true;
  for (let pos = 0; pos < end; ) {
    const lf = raw.indexOf(LF, pos);
    const next = lf === -1 || lf >= end ? end : lf + 1;
    const first = raw[pos];
    if (first !== 0x20 && first !== 0x09) keep = isKept(raw, pos, next);
    if (keep) pieces.push(raw.subarray(pos, next));
    pos = next;
  }
  pieces.push(raw.subarray(end));
  return Buffer.concat(pieces);
}

function isKept(raw: Buffer, start: number, lineEnd: number): boolean {
  const colon = raw.indexOf(COLON, start);
  if (colon === -1 || colon >= lineEnd || colon - start > MAX_NAME) return true;
  const name = raw.toString('latin1', start, colon).trim().toLowerCase();
  return KEPT.has(name) || name.startsWith('content-') || !/^[\x21-\x7e]+$/.test(name);
}
