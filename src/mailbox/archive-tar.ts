import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Parser } from 'tar';
import type { ReadEntry } from 'tar';
import { InputError } from '../errors.ts';
import { isHidden, mailKindOf, NameSample, noMailInArchive } from './input-kind.ts';
import type { MailInput, MailSource } from './mail-source.ts';

// Large pieces: fewer, larger buffers peak about 20 MB lower on a big archive than zlib's 16 KB.
const READ_SIZE = 1024 * 1024;
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
// node-tar's warnings that mean the bytes are not a (whole) tar archive.
const FATAL_WARNINGS = new Set(['TAR_BAD_ARCHIVE', 'TAR_ENTRY_INVALID']);

/** The .mbox and .eml entries of a tar or .tgz (a Takeout download) as they stream by: gunzipped
 *  with node:zlib, split into entries by node-tar's Parser, never written to disk. An entry's bytes
 *  wait in the Parser until they are read, and the file is read no faster (back pressure). */
export async function tarInput(path: string, gzipped: boolean): Promise<MailInput> {
  const size = (await stat(path)).size;
  const estimatedBytes = gzipped ? Math.max(size, await gzipStatedSize(path, size)) : size;
  return { sources: tarSources(path, gzipped), contained: true, estimatedBytes };
}

async function* tarSources(path: string, gzipped: boolean): AsyncGenerator<MailSource> {
  const handoff = new Handoff();
  const others = new NameSample();
  let mail = 0;
  const parser = new Parser({ brotli: false, zstd: false });
  parser.on('entry', (entry: ReadEntry) => {
    const inner = entry.path.replace(/^(\.\/)+/, '');
    const kind = mailKindOf(inner);
    const isFile = FILE_TYPES.has(entry.type) && !inner.split('/').some(isHidden);
    if (isFile && (kind === 'mbox' || kind === 'eml')) {
      // Errors go to whoever reads the entry; without a listener an error event would throw here.
      entry.on('error', () => undefined);
      handoff.push(entry);
      return;
    }
    if (isFile) others.add(inner);
    entry.resume();
  });
  const fail = (error: Error): void => handoff.fail(damaged(path, error));
  parser.on('error', fail);
  parser.on('warn', (code: string, message: string) => {
    if (FATAL_WARNINGS.has(code)) fail(new Error(message));
  });
  parser.on('end', () => handoff.end());
  const file = createReadStream(path, { highWaterMark: READ_SIZE });
  const bytes: Readable = gzipped ? pipeline(file, createGunzip({ chunkSize: READ_SIZE }), () => undefined) : file;
  void feed(bytes, parser).catch(fail);
  try {
    for (let entry = await handoff.next(); entry !== undefined; entry = await handoff.next()) {
      mail++;
      yield entrySource(path, entry);
      entry.resume(); // what the reader left unread
    }
    if (mail === 0) throw new InputError(noMailInArchive(path, others));
  } finally {
    file.destroy();
    bytes.destroy();
  }
}

/** Writes the archive's bytes into the Parser, waiting whenever the entry being read is full. */
async function feed(bytes: Readable, parser: Parser): Promise<void> {
  for await (const chunk of bytes) {
    if (!parser.write(chunk as Buffer)) await new Promise((resolve) => parser.once('drain', resolve));
  }
  parser.end();
}

function entrySource(path: string, entry: ReadEntry): MailSource {
  const inner = entry.path.replace(/^(\.\/)+/, '');
  const name = `${path}:${inner}`;
  return {
    name,
    kind: mailKindOf(inner) === 'eml' ? 'eml' : 'mbox',
    size: entry.size,
    modified: entry.mtime,
    inner,
    chunks: () => entryChunks(name, entry),
  };
}

async function* entryChunks(name: string, entry: ReadEntry): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of entry) yield chunk;
  } catch (error) {
    throw error instanceof InputError ? error : damaged(name, error);
  }
}

/** The handing over of entries from the Parser's events to the reader, one at a time (the Parser
 *  emits the next entry only once this one is read). */
class Handoff {
  #entries: ReadEntry[] = [];
  #ended = false;
  #error: Error | undefined;
  #wake: (() => void) | undefined;
  #current: ReadEntry | undefined;

  push(entry: ReadEntry): void {
    this.#entries.push(entry);
    this.#wake?.();
  }

  end(): void {
    this.#ended = true;
    this.#wake?.();
  }

  /** Also stops the entry being read, so its reader does not wait for bytes that will never come. */
  fail(error: Error): void {
    if (this.#error !== undefined) return;
    this.#error = error;
    this.#current?.destroy(error);
    this.#wake?.();
  }

  async next(): Promise<ReadEntry | undefined> {
    while (this.#entries.length === 0 && !this.#ended && this.#error === undefined) {
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
    this.#wake = undefined;
    if (this.#error !== undefined) throw this.#error;
    this.#current = this.#entries.shift();
    return this.#current;
  }
}

/** The uncompressed size a gzip member states in its last 4 bytes (ISIZE, RFC 1952 §2.3.1), modulo
 *  2^32: an estimate, only to decide where to parse. */
async function gzipStatedSize(path: string, size: number): Promise<number> {
  if (size < 18) return 0;
  const file = await open(path, 'r');
  try {
    const tail = Buffer.alloc(4);
    await file.read(tail, 0, 4, size - 4);
    return tail.readUInt32LE(0);
  } finally {
    await file.close();
  }
}

function damaged(name: string, error: unknown): InputError {
  return new InputError(
    `${name} looks like a tar archive but cannot be read (${(error as Error).message}); download it again, or unpack it and pass the .mbox file inside.`,
    { cause: error },
  );
}
