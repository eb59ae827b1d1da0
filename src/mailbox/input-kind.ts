import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { InputError } from '../errors.ts';
import type { MailSource } from './mail-source.ts';

/** What a --mbox path is, judged by its first bytes, never by its name. */
export type InputKind = 'folder' | 'mbox' | 'eml' | 'zip' | 'gzip' | 'tar';

export const PASS_MBOX = 'pass the .mbox file from your Takeout export';

const HEAD_BYTES = 512;
// Local file header, or the end of central directory of an empty zip (APPNOTE.TXT §4.3.7, §4.3.16).
const ZIP_MAGICS = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]); // RFC 1952 §2.3.1
const USTAR = Buffer.from('ustar'); // POSIX tar header magic, at offset 257
const FROM_LINE = Buffer.from('From ');
// A message starts with a header field: a name, then ":" (RFC 5322 §2.2). The names mail really uses
// are letters, digits and "-"; the RFC allows more, but so would a JSON file ('{"a": 1}') pass.
const HEADER_FIELD = /^[A-Za-z0-9][A-Za-z0-9-]*[ \t]*:/;

/** Says what the path holds, or throws an InputError in one line naming what was found instead. */
export function inputKind(path: string): InputKind {
  const info = statOf(path);
  if (info.isDirectory()) {
    if (!readdirOf(path).some((name) => !isHidden(name))) throw new InputError(`${path} is an empty folder; ${PASS_MBOX}, or a folder of .eml files.`);
    return 'folder';
  }
  if (!info.isFile()) throw new InputError(`${path} is neither a file nor a folder; ${PASS_MBOX}.`);
  if (info.size === 0) throw new InputError(`${path} is empty (0 bytes); ${PASS_MBOX}.`);
  const head = firstBytes(path);
  const kind = kindOf(head);
  if (kind === undefined) throw new InputError(mailKindOf(path) === 'archive' ? notArchive(path, head) : notMail(path, head));
  return kind;
}

/** The kind a file's name says it holds inside a folder or an archive. */
export function mailKindOf(name: string): MailSource['kind'] | 'archive' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.mbox')) return 'mbox';
  if (lower.endsWith('.eml')) return 'eml';
  if (/\.(zip|tgz|tar|tar\.gz)$/.test(lower)) return 'archive';
  return undefined;
}

/** A name no one means to pass: hidden, or macOS's archive metadata. */
export function isHidden(segment: string): boolean {
  return segment.startsWith('.') || segment === '__MACOSX';
}

/** The kind the first bytes of a file show, if any. */
export function kindOf(head: Buffer): Exclude<InputKind, 'folder'> | undefined {
  if (ZIP_MAGICS.some((magic) => startsWith(head, magic))) return 'zip';
  if (startsWith(head, GZIP_MAGIC)) return 'gzip';
  if (head.length >= 262 && head.compare(USTAR, 0, USTAR.length, 257, 262) === 0) return 'tar';
  if (startsWith(head, FROM_LINE)) return 'mbox';
  if (HEADER_FIELD.test(head.toString('latin1', 0, Math.min(head.length, 200)))) return 'eml';
  return undefined;
}

export function notMail(name: string, head: Buffer): string {
  return `${name} does not start like an mbox (first bytes "${printable(head.subarray(0, 16))}"); ${PASS_MBOX}.`;
}

function notArchive(name: string, head: Buffer): string {
  return `${name} is named like an archive but is neither a zip nor a tar archive, nor an mbox (first bytes "${printable(head.subarray(0, 16))}"); download it again, or ${PASS_MBOX}.`;
}

export function noMailInArchive(path: string, others: NameSample): string {
  if (others.count === 0) return `${path} is an empty archive; ${PASS_MBOX}.`;
  return `${path} holds no .mbox or .eml file (only ${others}); ${PASS_MBOX}, or the archive of a Takeout export that includes Mail.`;
}

/** The first few of many file names, and how many there were: enough to say what was found. */
export class NameSample {
  readonly names: string[] = [];
  count = 0;

  add(name: string): void {
    if (this.names.length < 3) this.names.push(name);
    this.count++;
  }

  /** "1 file: a" or "5 files: a, b, c, …". */
  toString(): string {
    return `${this.count} file${this.count === 1 ? '' : 's'}: ${this.names.join(', ')}${this.count > this.names.length ? ', …' : ''}`;
  }
}

/** Bytes as a reader can see them: ASCII as is, the rest as \xHH ("PK\x03\x04", "%PDF-1.7"). */
export function printable(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) {
    if (byte === 0x0a) text += '\\n';
    else if (byte === 0x0d) text += '\\r';
    else if (byte === 0x09) text += '\\t';
    else if (byte === 0x5c || byte === 0x22) text += `\\${String.fromCharCode(byte)}`;
    else if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
    else text += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return text;
}

function statOf(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    throw new InputError(`${path} ${what}; ${PASS_MBOX}, the Takeout archive or folder, or a folder of .eml files.`, { cause: error });
  }
}

function readdirOf(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (error) {
    throw new InputError(`The folder ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { cause: error });
  }
}

function firstBytes(path: string): Buffer {
  const head = Buffer.alloc(HEAD_BYTES);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0));
  } catch (error) {
    throw new InputError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}
