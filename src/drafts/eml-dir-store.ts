import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { ACTION_KEY_HEADER_KEY, decodeActionKey } from '../draft-mark/marker-header.ts';
import { contentHashOf } from '../draft-mark/content-hash.ts';
import type { PendingDraft } from '../core/types.ts';
import { InputError } from '../errors.ts';
import { addressesOf } from '../mailbox/mail-fields.ts';
import type { ComposedDraft, DraftStore } from '../mailbox/port.ts';

// `run --drafts-dir DIR` leaves each draft as DIR/<action key>.eml. A file the user deleted is a
// dismissed draft; a file they edited is theirs and is never rewritten (files are created with 'wx').

const UNSAFE = /[^A-Za-z0-9@._+-]+/g;

export function fileNameFor(actionKey: string): string {
  return `${actionKey.replace(UNSAFE, '_').slice(0, 180)}.eml`;
}

interface ParsedDraft extends PendingDraft {
  text: string;
}

async function parseDraftFile(dir: string, name: string): Promise<ParsedDraft> {
  const parsed = await simpleParser(await readFile(join(dir, name)));
  const header = parsed.headers.get(ACTION_KEY_HEADER_KEY);
  return {
    id: name,
    threadId: undefined,
    to: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    subject: parsed.subject ?? '',
    actionKey: decodeActionKey(typeof header === 'string' ? header : undefined),
    text: parsed.text ?? '',
  };
}

export interface EmlDraftStore extends DraftStore {
  /** The drafts waiting in the folder, the user's own included. */
  list(): Promise<PendingDraft[]>;
}

export function emlDraftStore(dir: string): EmlDraftStore {
  async function names(): Promise<string[]> {
    try {
      return (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new InputError(`cannot read the drafts folder ${dir}: ${(error as Error).message}`, { cause: error });
    }
  }
  async function read(name: string): Promise<ParsedDraft | undefined> {
    try {
      return await parseDraftFile(dir, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
  return {
    async list() {
      const drafts = await Promise.all((await names()).map(read));
      return drafts.flatMap((d) => (d ? [{ id: d.id, threadId: d.threadId, to: d.to, cc: d.cc, subject: d.subject, actionKey: d.actionKey }] : []));
    },
    async create(draft: ComposedDraft) {
      await mkdir(dir, { recursive: true });
      const name = fileNameFor(draft.actionKey);
      await writeFile(join(dir, name), draft.raw, { flag: 'wx', mode: 0o600 });
      return { draftId: name };
    },
    async findByActionKey(actionKey: string) {
      for (const name of await names()) {
        if ((await read(name))?.actionKey === actionKey) return name;
      }
      return undefined;
    },
    async currentContentHash(draftId: string) {
      const draft = await read(draftId);
      return draft && contentHashOf(draft);
    },
    async discard(draftId: string) {
      await unlink(join(dir, draftId));
    },
  };
}
