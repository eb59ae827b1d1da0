import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { MailCollector } from './mail-collector.ts';
import { CandidateSink } from './mbox-candidates.ts';
import { MboxSplitter } from './mbox-split.ts';
import { ParsePool } from './parse-pool.ts';
import type { Mailbox, MailboxContents, MailboxQuery, ReadProgress } from './port.ts';
import { compileQuery } from './query-match.ts';

export interface MboxOptions {
  /** Bytes read at a time (two buffers of this size are used in turn). */
  chunkSize?: number;
}

export interface ReadMboxOptions extends MboxOptions {
  onProgress?: (progress: ReadProgress) => void;
}

const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;
// The parser thread may fall behind the screen for a while: let it, within these bounds.
const QUEUE_LIMITS = { messages: 500, bytes: 8 * 1024 * 1024 };

/** The Mailbox port over an mbox file as Google Takeout exports it. */
export function mboxMailbox(path: string, options: MboxOptions = {}): Mailbox {
  return { read: (query, readOptions) => readMbox(path, query, { ...options, ...readOptions }) };
}

/** Streams the file once: headers are screened as they pass, only wanted messages are parsed. */
export async function readMbox(path: string, query: MailboxQuery, options: ReadMboxOptions = {}): Promise<MailboxContents> {
  const file = await openMbox(path);
  const compiled = compileQuery(query);
  const pool = new ParsePool();
  const collector = new MailCollector(compiled, (raw, parseOptions) => pool.parse(raw, parseOptions), QUEUE_LIMITS);
  const sink = new CandidateSink(compiled, path);
  const splitter = new MboxSplitter(sink);
  const bytesTotal = (await file.stat()).size;
  // Once per 4 MB chunk; how often to show it is the display's business (commands/progress.ts).
  const report = (bytesRead: number): void => options.onProgress?.({ bytesRead, bytesTotal, messagesMatched: collector.matched });
  let bytesRead = 0;
  let contents: MailboxContents;
  try {
    for await (const chunk of readChunks(file, options.chunkSize ?? DEFAULT_CHUNK_SIZE, path)) {
      splitter.push(chunk);
      bytesRead += chunk.length;
      for (const candidate of sink.take()) await collector.add(candidate);
      report(bytesRead);
    }
    splitter.end();
    for (const candidate of sink.take()) await collector.add(candidate);
    contents = await collector.finish();
  } finally {
    await Promise.all([file.close(), pool.close()]);
  }
  report(bytesRead);
  return contents;
}

/** The file in chunks, read into two buffers in turn: the next read runs while a chunk is screened.
 *  A chunk is valid until the next one after it is asked for. */
async function* readChunks(file: FileHandle, size: number, path: string): AsyncGenerator<Buffer> {
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)] as const;
  const read = (i: 0 | 1): Promise<number> =>
    file.read(buffers[i], 0, size, null).then(
      (r) => r.bytesRead,
      (error: unknown) => {
        throw new InputError(`Cannot read the mbox file ${path} (${(error as Error).message}).`, { cause: error });
      },
    );
  let current: 0 | 1 = 0;
  let next = read(current);
  try {
    for (;;) {
      const length = await next;
      if (length === 0) return;
      const chunk = buffers[current].subarray(0, length);
      current = current === 0 ? 1 : 0;
      next = read(current);
      yield chunk;
    }
  } finally {
    // A reader that stops early must not leave a read running (or failing) behind it.
    await next.catch(() => undefined);
  }
}

async function openMbox(path: string): Promise<FileHandle> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(`${path} is not an mbox file. Pass the .mbox file from Google Takeout.`);
    return await open(path, 'r');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    throw new InputError(`The mbox file ${path} ${what}. Check the --mbox path.`, { cause: error });
  }
}
