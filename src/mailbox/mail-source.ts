import { open, readFile, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { InputError } from '../errors.ts';

/** One mailbox or message to read: a file, or an entry of an archive. */
export interface MailSource {
  /** How the user knows it: a path, or "archive.zip:Takeout/Mail/All mail.mbox". */
  name: string;
  /** An mbox holds many messages; an .eml file is one. */
  kind: 'mbox' | 'eml';
  /** Its bytes, when known before reading. */
  size?: number;
  /** When it was last changed: the date of a message that has no usable one. */
  modified?: Date;
  /** Its path inside the folder or archive it came from (an .eml draft's id). */
  inner?: string;
  /** A plain file's path: its bytes can be read by position (an archive entry's cannot). */
  file?: string;
  /** The bytes in order. A chunk is valid only until the next one is asked for. */
  chunks(): AsyncIterable<Buffer>;
}

/** What a --mbox path holds, ready to read. */
export interface MailInput {
  /** The sources in reading order. Each is read to its end, or left, before the next is asked for. */
  sources: AsyncIterable<MailSource> | Iterable<MailSource>;
  /** True when the path is a folder or an archive, so the sources found in it are worth naming. */
  contained: boolean;
  /** The mail bytes to read, when known before reading (the progress total). */
  bytesTotal?: number;
  /** The mail bytes, exact or estimated: a small input is parsed without a worker thread. */
  estimatedBytes?: number;
  /** Frees what the input holds open (a zip's file); called once reading stops, however it stops. */
  close?(): Promise<void>;
}

const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;

/** The bytes [start, end) of an open file: a message read again by the place a pass found it at. */
export async function readRange(file: FileHandle, start: number, end: number): Promise<Buffer> {
  const raw = Buffer.allocUnsafe(end - start);
  const { bytesRead } = await file.read(raw, 0, raw.length, start);
  return raw.subarray(0, bytesRead);
}

/** A plain file on disk: an mbox read in chunks into two buffers in turn, an .eml file at once. */
export function fileSource(path: string, kind: MailSource['kind'], options: { size?: number; modified?: Date; inner?: string; chunkSize?: number } = {}): MailSource {
  const { chunkSize = DEFAULT_CHUNK_SIZE, ...known } = options;
  return { name: path, file: path, kind, ...known, chunks: () => (kind === 'mbox' ? fileChunks(path, chunkSize) : wholeFile(path)) };
}

/** Its errors are the file system's, so the reader can skip an unreadable message with a warning. */
async function* wholeFile(path: string): AsyncGenerator<Buffer> {
  yield await readFile(path);
}

/** The next read runs while a chunk is screened. A chunk is valid until the next one after it is
 *  asked for. */
async function* fileChunks(path: string, size: number): AsyncGenerator<Buffer> {
  const file = await openFile(path);
  const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)] as const;
  const read = (i: 0 | 1): Promise<number> =>
    file.read(buffers[i], 0, size, null).then(
      (r) => r.bytesRead,
      (error: unknown) => {
        throw new InputError(`Cannot read ${path} (${(error as Error).message}).`, { cause: error });
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
    await file.close();
  }
}

async function openFile(path: string): Promise<FileHandle> {
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
