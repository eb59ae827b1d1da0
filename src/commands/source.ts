import { resolve } from 'node:path';
import type { PendingDraft } from '../core/types.ts';
import { mailboxFor } from '../mailbox/mailbox-for.ts';
import type { DraftStore, Mailbox } from '../mailbox/port.ts';

/** Where mail is read and drafts are left, and the name the ledger knows that pair by. */
export interface Source {
  mailbox: Mailbox;
  /** Names the drafts' home for the ledger (src/state/ledger.ts). */
  mailboxId?: string;
  store?: DraftStore;
  /** Drafts waiting outside the mailbox itself (the .eml drafts folder). */
  extraDrafts(): Promise<PendingDraft[]>;
}

/** An mbox file or .eml folder; drafts, when a folder is given, as .eml files in it. */
export async function mboxSource(mboxPath: string, draftsDir?: string, onSource?: (description: string) => void): Promise<Source> {
  const mailbox = mailboxFor(mboxPath, { onSource });
  if (!draftsDir) return { mailbox, extraDrafts: async () => [] };
  const { emlDraftStore } = await import('../drafts/eml-dir-store.ts');
  const dir = resolve(draftsDir);
  const store = emlDraftStore(dir);
  return { mailbox, mailboxId: `eml:${dir}`, store, extraDrafts: () => store.list() };
}
