// The cheap first look at a message, on its bytes: where the header block ends and which addresses
// it names, so that only the few messages that matter are made into strings and handed to mailparser.

/** A header block larger than this is treated as ending here (a broken or hostile message). */
export const MAX_HEADER_BYTES = 256 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const CRLF_END = Buffer.from('\n\r\n');
const LF_END = Buffer.from('\n\n');
const FROM_LINE = Buffer.from('From ');

/** Index just past the blank line that ends the header block, or -1 when there is none within the limit. */
export function findHeaderEnd(buf: Buffer): number {
  const scope = buf.length > MAX_HEADER_BYTES ? buf.subarray(0, MAX_HEADER_BYTES) : buf;
  // One search, for the line ending of the first header line; the other only when that finds nothing.
  // (Mixed line endings may then end the block late, which only makes the screen look at more.)
  const crlf = secondLineEndsInCr(scope);
  const first = crlf ? CRLF_END : LF_END;
  const a = scope.indexOf(first);
  if (a !== -1) return a + first.length;
  const other = crlf ? LF_END : CRLF_END;
  const b = scope.indexOf(other);
  return b === -1 ? -1 : b + other.length;
}

/** Whether the second line (the first header after an mbox From_ line) ends with CR LF. */
function secondLineEndsInCr(buf: Buffer): boolean {
  const limit = Math.min(buf.length, 1024);
  let seen = 0;
  for (let i = 0; i < limit; i++) {
    if (buf[i] === LF && ++seen === 2) return buf[i - 1] === CR;
  }
  const lf = buf.indexOf(LF, limit);
  return lf !== -1 ? buf[lf - 1] === CR : buf[buf.indexOf(LF) - 1] === CR;
}

/** True when the buffer starts with an mbox From_ line ("From sender date"), not a header. */
export function startsWithFromLine(buf: Buffer): boolean {
  return buf.length >= 5 && buf.compare(FROM_LINE, 0, 5, 0, 5) === 0;
}

/** The message without its mbox From_ line. */
export function stripFromLine(buf: Buffer): Buffer {
  if (!startsWithFromLine(buf)) return buf;
  const lf = buf.indexOf(LF);
  return lf === -1 ? buf.subarray(buf.length) : buf.subarray(lf + 1);
}

/** The header block: up to the blank line, or the first MAX_HEADER_BYTES of a message without one. */
export function headerBlock(buf: Buffer): Buffer {
  const end = findHeaderEnd(buf);
  return buf.subarray(0, end === -1 ? Math.min(buf.length, MAX_HEADER_BYTES) : end);
}

/** The header block as latin1 text that begins with "\n", so every header name follows a "\n". */
export function headerText(buf: Buffer): string {
  const stop = headerBlock(buf).length;
  if (startsWithFromLine(buf)) {
    const lf = buf.indexOf(LF);
    return lf === -1 || lf >= stop ? '' : buf.toString('latin1', lf, stop);
  }
  return '\n' + buf.toString('latin1', 0, stop);
}

const headerPatterns = new Map<string, RegExp>();

/** The unfolded value of the first header of that name, or undefined. */
export function headerValue(head: string, name: string): string | undefined {
  let pattern = headerPatterns.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`\\n${name.replace(/[^a-z0-9-]/gi, '')}[ \\t]*:([^\\n]*(?:\\n[ \\t][^\\n]*)*)`, 'i');
    headerPatterns.set(name, pattern);
  }
  const m = pattern.exec(head);
  return m === null ? undefined : m[1]!.replace(/\r?\n[ \t]/g, ' ').trim();
}
