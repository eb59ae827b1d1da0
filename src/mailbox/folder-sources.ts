import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../core/compare-text.ts';
import { InputError } from '../errors.ts';
import { isHidden, mailKindOf, NameSample, PASS_MBOX } from './input-kind.ts';
import { fileSource } from './mail-source.ts';
import type { MailInput, MailSource } from './mail-source.ts';

interface Found {
  mail: { rel: string; kind: MailSource['kind'] }[];
  archives: NameSample;
  others: NameSample;
}

/** Every .mbox and .eml file under the folder, at any depth (an unzipped Takeout export keeps its
 *  mbox in Takeout/Mail/), in path order. Hidden files and folders are left out: ".DS_Store", and
 *  the "._x.mbox" resource forks macOS leaves beside copied files. */
export async function folderInput(dir: string, options: { chunkSize?: number } = {}): Promise<MailInput> {
  const found: Found = { mail: [], archives: new NameSample(), others: new NameSample() };
  await walk(dir, '', found);
  if (found.mail.length === 0) throw new InputError(noMail(dir, found));
  found.mail.sort((a, b) => compareText(a.rel, b.rel));
  const sources = await Promise.all(
    found.mail.map(async ({ rel, kind }) => {
      const path = join(dir, rel);
      const info = await stat(path).catch((error: unknown) => {
        throw new InputError(`${path} cannot be read (${(error as Error).message}).`, { cause: error });
      });
      return fileSource(path, kind, { size: info.size, modified: info.mtime, inner: rel, chunkSize: options.chunkSize });
    }),
  );
  const bytes = sources.reduce((sum, s) => sum + (s.size ?? 0), 0);
  return { sources, contained: true, bytesTotal: bytes, estimatedBytes: bytes };
}

async function walk(dir: string, rel: string, found: Found): Promise<void> {
  let entries: Dirent[];
  try {
    // In name order, so what a message names is the same from one run to the next.
    entries = (await readdir(join(dir, rel), { withFileTypes: true })).sort((a, b) => compareText(a.name, b.name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`The folder ${join(dir, rel)} cannot be read (${code ?? (error as Error).message}).`, { cause: error });
  }
  for (const entry of entries) {
    if (isHidden(entry.name)) continue;
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    const type = entry.isSymbolicLink() ? await linkType(join(dir, path)) : entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
    if (type === 'dir') await walk(dir, path, found);
    if (type !== 'file') continue;
    const kind = mailKindOf(entry.name);
    if (kind === 'archive') found.archives.add(path);
    else if (kind === undefined) found.others.add(path);
    else found.mail.push({ rel: path, kind });
  }
}

/** A link to a file is followed; a link to a folder is not (it may loop). */
async function linkType(path: string): Promise<'file' | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? 'file' : undefined;
}

function noMail(dir: string, { archives, others }: Found): string {
  if (archives.count === 1) return `No .mbox or .eml file under ${dir}, only the archive ${join(dir, archives.names[0]!)}: pass the archive itself.`;
  if (archives.count > 1) return `No .mbox or .eml file under ${dir}, only archives (${archives}): pass the one that holds your Mail export.`;
  if (others.count === 0) return `${dir} is an empty folder; ${PASS_MBOX}, or a folder of .eml files.`;
  return `No .mbox or .eml file under ${dir} (only ${others}); ${PASS_MBOX}, or a folder of .eml files.`;
}
