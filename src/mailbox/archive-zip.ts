import { pipeline } from 'node:stream';
import type { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { openPromise } from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { InputError } from '../errors.ts';
import { isHidden, mailKindOf, NameSample, noMailInArchive } from './input-kind.ts';
import type { MailInput, MailSource } from './mail-source.ts';

const DEFLATE = 8; // APPNOTE.TXT §4.4.5
const INFLATE_CHUNK = 1024 * 1024;

/** The .mbox and .eml entries of a zip (a Takeout download), read in place: the central directory
 *  says where each entry is, and each is inflated as it streams by, never written to disk. */
export async function zipInput(path: string): Promise<MailInput> {
  const zip = await openPromise(path, { autoClose: false }).catch((error: unknown) => {
    throw damaged(path, error);
  });
  try {
    const mail: { entry: Entry; kind: MailSource['kind'] }[] = [];
    const others = new NameSample();
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/') || entry.fileName.split('/').some(isHidden)) continue;
      const kind = mailKindOf(entry.fileName);
      if (kind === 'mbox' || kind === 'eml') mail.push({ entry, kind });
      else others.add(entry.fileName);
    }
    if (mail.length === 0) throw new InputError(noMailInArchive(path, others));
    const bytes = mail.reduce((sum, { entry }) => sum + entry.uncompressedSize, 0);
    return {
      sources: mail.map(({ entry, kind }) => entrySource(zip, path, entry, kind)),
      contained: true,
      bytesTotal: bytes,
      estimatedBytes: bytes,
      close: async () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error instanceof InputError ? error : damaged(path, error);
  }
}

function entrySource(zip: ZipFile, path: string, entry: Entry, kind: MailSource['kind']): MailSource {
  return {
    name: `${path}:${entry.fileName}`,
    kind,
    size: entry.uncompressedSize,
    modified: entry.getLastModDate(),
    inner: entry.fileName,
    chunks: () => entryChunks(zip, path, entry),
  };
}

/** Inflated here rather than by yauzl, in large pieces: fewer, larger buffers peak about 20 MB
 *  lower on a big mbox. So the size check yauzl would make is made here. */
async function* entryChunks(zip: ZipFile, path: string, entry: Entry): AsyncGenerator<Buffer> {
  const name = `${path}:${entry.fileName}`;
  const deflated = entry.compressionMethod === DEFLATE && !entry.isEncrypted();
  const opened = await zip.openReadStreamPromise(entry, { decodeFileData: !deflated }).catch((error: unknown) => {
    throw damaged(name, error);
  });
  const stream: Readable = deflated ? pipeline(opened, createInflateRaw({ chunkSize: INFLATE_CHUNK }), () => undefined) : opened;
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (bytes !== entry.uncompressedSize) throw new Error(`${bytes} bytes where the archive says ${entry.uncompressedSize}`);
  } catch (error) {
    throw damaged(name, error);
  } finally {
    stream.destroy();
    opened.destroy();
  }
}

function damaged(name: string, error: unknown): InputError {
  return new InputError(
    `${name} looks like a zip archive but cannot be read (${(error as Error).message}); download it again, or unzip it and pass the .mbox file inside.`,
    { cause: error },
  );
}
