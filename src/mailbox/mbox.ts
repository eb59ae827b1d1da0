import { stat } from 'node:fs/promises';
import { fileSource } from './mail-source.ts';
import { mailboxFor } from './mailbox-for.ts';
import type { Mailbox, MailboxContents, MailboxQuery } from './port.ts';
import { readSources } from './read-sources.ts';
import type { ReadOptions } from './read-sources.ts';

export interface MboxOptions extends Omit<ReadOptions, 'onProgress'> {
  /** Bytes read at a time (two buffers of this size are used in turn). */
  chunkSize?: number;
}

/** The Mailbox port over an mbox file as Google Takeout exports it. */
export function mboxMailbox(path: string, options: MboxOptions = {}): Mailbox {
  return mailboxFor(path, options);
}

/** Streams the file once: headers are screened as they pass, only wanted messages are parsed. */
export async function readMbox(path: string, query: MailboxQuery, options: MboxOptions & ReadOptions = {}): Promise<MailboxContents> {
  // Unknown when the path is not a file: reading it then says why.
  const size = await stat(path).then((info) => (info.isFile() ? info.size : undefined), () => undefined);
  const source = fileSource(path, 'mbox', { size, chunkSize: options.chunkSize });
  return readSources(path, { sources: [source], contained: false, bytesTotal: size, estimatedBytes: size }, query, options);
}
