import { resolve } from 'node:path';
import { mailboxFor } from '../mailbox/mailbox-for.ts';
import type { SyncSummary } from '../core/types.ts';
import type { DraftStore, Mailbox } from '../mailbox/port.ts';

/** Where mail is read and drafts are left, and the name the ledger knows that pair by. */
export interface Source {
  /** Its read gives the threads and every waiting draft (the .eml drafts folder's too). */
  mailbox: Mailbox;
  /** Names the drafts' home for the ledger (src/state/ledger.ts). */
  mailboxId?: string;
  store?: DraftStore;
  /** Addresses the mailbox itself says are mine (Gmail: the account and its send-as aliases). */
  myAddresses: string[];
  /** The account's display name, when the mailbox knows it (Gmail send-as). */
  myName?: string;
  /** Gmail's sync (src/gmail/sync): how the read went, and — for `run` — keeping it for the next run. */
  sync?: { summary(): SyncSummary | undefined; save?: () => Promise<void> };
}

/** An mbox file or .eml folder; drafts, when a folder is given, as .eml files in it. */
export async function mboxSource(mboxPath: string, draftsDir?: string, onSource?: (description: string) => void): Promise<Source> {
  const mail = mailboxFor(mboxPath, { onSource });
  if (!draftsDir) return { mailbox: mail, myAddresses: [] };
  const { emlDraftStore } = await import('../drafts/eml-dir-store.ts');
  const dir = resolve(draftsDir);
  const store = emlDraftStore(dir);
  const mailbox: Mailbox = {
    readInvitations: (since, options) => mail.readInvitations(since, options),
    async read(query, options) {
      const [contents, waiting] = await Promise.all([mail.read(query, options), store.list()]);
      return { ...contents, drafts: [...contents.drafts, ...waiting] };
    },
  };
  return { mailbox, mailboxId: `eml:${dir}`, store, myAddresses: [] };
}
