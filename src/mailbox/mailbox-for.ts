import { stat } from 'node:fs/promises';
import { zipInput } from './archive-zip.ts';
import { tarInput } from './archive-tar.ts';
import { folderInput } from './folder-sources.ts';
import { inputKind } from './input-kind.ts';
import type { InputKind } from './input-kind.ts';
import { fileSource } from './mail-source.ts';
import type { MailInput } from './mail-source.ts';
import type { MboxOptions } from './mbox.ts';
import type { Mailbox } from './port.ts';
import { readIndexed } from './indexed-read.ts';
import { invitationPass, type InvitationPass } from './invitation-pass.ts';
import { readSources } from './read-sources.ts';

/** Whatever Google Takeout gives, by its first bytes: the .mbox file, the unzipped export folder
 *  (every .mbox and .eml file under it), the takeout-….zip or .tgz itself (read in place), a folder
 *  of .eml files, or one .eml file. Anything else, an empty file or an empty folder throws an
 *  InputError here, before anything is read; a folder or archive with no mail in it, when read. */
export function mailboxFor(path: string, options: MboxOptions = {}): Mailbox {
  const kind = inputKind(path);
  // Set by the invitation pass: then the interviews' mail is read by position, not by another pass.
  let pass: InvitationPass | undefined;
  return {
    async readInvitations(since, readOptions) {
      pass = await invitationPass(path, await openInput(path, kind, options), since, { ...options, ...readOptions });
      return pass;
    },
    async read(query, readOptions) {
      const input = await openInput(path, kind, options);
      // The index covers only recent mail: a read reaching further back streams the input again.
      const indexed = pass !== undefined && query.since >= pass.index.coveredSince;
      return indexed ? readIndexed(input, pass!, query, { ...options, ...readOptions }) : readSources(path, input, query, { ...options, ...readOptions });
    },
  };
}

async function openInput(path: string, kind: InputKind, options: MboxOptions): Promise<MailInput> {
  switch (kind) {
    case 'folder':
      return folderInput(path, options);
    case 'zip':
      return zipInput(path);
    case 'gzip':
      return tarInput(path, true);
    case 'tar':
      return tarInput(path, false);
    case 'mbox':
    case 'eml': {
      const info = await stat(path);
      const source = fileSource(path, kind, { size: info.size, modified: info.mtime, chunkSize: options.chunkSize });
      return { sources: [source], contained: false, bytesTotal: info.size, estimatedBytes: info.size };
    }
  }
}
