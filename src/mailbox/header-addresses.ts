// Which addresses a header block names, read from its bytes: the hot path of the mbox screen, run
// on every message of a multi-GB file, so it makes no string of the block and few native calls.

const LF = 0x0a;
const AT = 0x40;
const MAX_DOMAIN = 253;
const MAX_LOCAL = 64;
const ADDRESS_HEADERS = ['from', 'to', 'cc', 'reply-to', 'sender'].map((name) => Buffer.from(name));

/** Calls `visit` with the domain (lower-cased) of each address in the From, To, Cc, Reply-To and
 *  Sender headers of `head` (a header block, see findHeaderEnd), and the index of its "@" for
 *  addressAt; stops at the first true. Works on the bytes: every "@" of the block is found with
 *  indexOf and kept only when its (unfolded) line is one of those headers, so no string is made of
 *  the block, which matters at 200,000 messages a second. */
export function someAddressDomain(head: Buffer, visit: (domain: string, at: number, isFrom: boolean) => boolean): boolean {
  let lineStart = -1;
  let header = -1;
  for (let at = head.indexOf(AT); at !== -1; at = head.indexOf(AT, at + 1)) {
    const start = logicalLineStart(head, at);
    if (start !== lineStart) {
      lineStart = start;
      header = addressHeaderAt(head, start);
    }
    if (header === -1) continue;
    const domain = domainAt(head, at);
    if (domain !== '' && visit(domain, at, header === 0)) return true;
  }
  return false;
}

/** The lower-cased address whose "@" is at `at`. */
export function addressAt(head: Buffer, at: number): string {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && isLocalChar(head[start - 1]!)) start--;
  return `${head.toString('latin1', start, at).toLowerCase()}@${domainAt(head, at)}`;
}

/** Every address of the header block's From, To, Cc, Reply-To and Sender, lower-cased, each once:
 *  whom an unreadable message may concern. */
export function blockAddresses(head: Buffer): string[] {
  const found = new Set<string>();
  someAddressDomain(head, (_domain, at) => {
    found.add(addressAt(head, at));
    return false;
  });
  return [...found];
}

/** Where the header that `at` belongs to begins, past folded continuation lines (RFC 5322 §2.2.3). */
function logicalLineStart(head: Buffer, at: number): number {
  let start = lineStart(head, at);
  while (start > 1 && (head[start] === 0x20 || head[start] === 0x09)) start = lineStart(head, start - 1);
  return start;
}

const SHORT_SCAN = 256;

/** The start of the line holding `at`: a short byte loop, since most lines are short and a native
 *  call costs more than that; lastIndexOf for longer ones. */
function lineStart(head: Buffer, at: number): number {
  const stop = Math.max(0, at - SHORT_SCAN);
  for (let i = at; i > stop; i--) if (head[i - 1] === LF) return i;
  return stop === 0 ? 0 : head.lastIndexOf(LF, stop) + 1;
}

/** The index in ADDRESS_HEADERS of the header named at `start` (any case), or -1. */
function addressHeaderAt(head: Buffer, start: number): number {
  const first = head[start]! | 0x20;
  const index = first === 0x66 ? 0 : first === 0x74 ? 1 : first === 0x63 ? 2 : first === 0x72 ? 3 : first === 0x73 ? 4 : -1;
  if (index === -1) return -1;
  const name = ADDRESS_HEADERS[index]!;
  let p = start;
  for (let i = 0; i < name.length; i++, p++) if ((head[p]! | 0x20) !== name[i]) return -1;
  while (head[p] === 0x20 || head[p] === 0x09) p++;
  return head[p] === 0x3a ? index : -1;
}

function domainAt(head: Buffer, at: number): string {
  let end = at + 1;
  let upper = false;
  for (; end < head.length && end - at <= MAX_DOMAIN; end++) {
    const c = head[end]!;
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d)) break;
  }
  while (end > at + 1 && head[end - 1] === 0x2e) end--;
  const domain = head.toString('latin1', at + 1, end);
  return upper ? domain.toLowerCase() : domain;
}

// RFC 5322 atext plus ".": the dot-atom local parts addresses use in practice.
const LOCAL_SPECIALS = new Set([..."!#$%&'*+/=?^_`{|}~.-"].map((c) => c.charCodeAt(0)));

function isLocalChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || LOCAL_SPECIALS.has(c);
}
