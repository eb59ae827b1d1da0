import { folderInput } from './folder-sources.ts';
import type { Mailbox, MailboxContents, MailboxQuery } from './port.ts';
import { readSources } from './read-sources.ts';
import type { ReadOptions } from './read-sources.ts';

/** The Mailbox port over a folder of .eml files (one RFC 5322 message each), at any depth; .mbox
 *  files in it are read too (an unzipped Takeout export). */
export function emlDirMailbox(dir: string, options: ReadOptions = {}): Mailbox {
  return { read: (query, readOptions) => readEmlDir(dir, query, { ...options, ...readOptions }) };
}

export async function readEmlDir(dir: string, query: MailboxQuery, options: ReadOptions = {}): Promise<MailboxContents> {
  return readSources(dir, await folderInput(dir), query, options);
}
