import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.ts';
import { stripFromLine } from './header-scan.ts';
import { MailCollector } from './mail-collector.ts';
import type { Mailbox, MailboxContents, MailboxQuery, ReadProgress } from './port.ts';
import { compileQuery, screenHeaders } from './query-match.ts';

/** The Mailbox port over a folder of .eml files (one RFC 5322 message each). */
export function emlDirMailbox(dir: string): Mailbox {
  return { read: (query, options) => readEmlDir(dir, query, options) };
}

export async function readEmlDir(
  dir: string,
  query: MailboxQuery,
  options: { onProgress?: (progress: ReadProgress) => void } = {},
): Promise<MailboxContents> {
  const names = await emlFiles(dir);
  const compiled = compileQuery(query);
  // Loaded here, not at the top: mailparser is large, and reading an mbox parses in a worker.
  const { parseMessage } = await import('./parse-message.ts');
  const collector = new MailCollector(compiled, parseMessage);
  let bytesRead = 0;
  for (const name of names) {
    const path = join(dir, name);
    let raw: Buffer;
    let mtime: Date;
    try {
      [raw, mtime] = await Promise.all([readFile(path), stat(path).then((s) => s.mtime)]);
    } catch (error) {
      collector.warn({ code: 'unreadable-file', message: `Cannot read this file: ${(error as Error).message}; skipped.`, source: path });
      continue;
    }
    bytesRead += raw.length;
    const verdict = screenHeaders(raw, compiled);
    if (verdict !== 'miss') {
      await collector.add({
        raw: stripFromLine(raw),
        verdict,
        source: path,
        fallbackId: `eml:${name}`,
        fallbackDate: mtime,
        fallbackDateOrigin: "the file's modification time",
        draftId: name,
      });
    }
    options.onProgress?.({ bytesRead, messagesMatched: collector.matched });
  }
  return await collector.finish();
}

async function emlFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.eml'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    throw new InputError(`The folder ${dir} ${what}. Pass a folder of .eml files.`, { cause: error });
  }
}
