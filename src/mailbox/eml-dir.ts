import { folderInput } from './folder-sources.ts';
import { mailboxFor } from './mailbox-for.ts';
import type { Mailbox, MailboxContents, MailboxQuery } from './port.ts';
import { readSources } from './read-sources.ts';
import type { ReadOptions } from './read-sources.ts';

/** The Mailbox port over a folder of .eml files (one RFC 5322 message each), at any depth; .mbox
 *  files in it are read too (an unzipped Takeout export). */
export function emlDirMailbox(dir: string, options: ReadOptions = {}): Mailbox {
  // Opened on first use, so a folder that is not there is a rejected read, not a throw here.
  let mailbox: Mailbox | undefined;
  const open = (): Mailbox => (mailbox ??= mailboxFor(dir, options));
  return {
    readInvitations: async (since, readOptions) => open().readInvitations(since, readOptions),
    read: async (query, readOptions) => open().read(query, readOptions),
  };
}

export async function readEmlDir(dir: string, query: MailboxQuery, options: ReadOptions = {}): Promise<MailboxContents> {
  return readSources(dir, await folderInput(dir), query, options);
}
