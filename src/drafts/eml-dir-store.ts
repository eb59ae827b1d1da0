import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { PendingDraft } from '../core/types.ts';
import { contentHashOf } from '../draft-mark/content-hash.ts';
import { ACTION_KEY_HEADER_KEY, decodeActionKey } from '../draft-mark/marker-header.ts';
import { InputError } from '../errors.ts';
import { addressesOf } from '../mailbox/mail-fields.ts';
import type { ComposedDraft, DraftStore } from '../mailbox/port.ts';

// `run --drafts-dir DIR` leaves each draft as an .eml file there, marked X-Unsent: 1 so Outlook,
// Apple Mail and Thunderbird open it as a draft to send. A file the user deleted is a dismissed
// draft; a file they edited is theirs and is never rewritten (files are created with 'wx').

const UNSAFE = /[^A-Za-z0-9@._+-]+/g;
// File names stay well under the 255 bytes file systems allow.
const MAX_NAME = 200;

function safe(text: string): string {
  return text.replace(UNSAFE, '_');
}

/** "acme-backend thank-you jane@acme.com 3f9a1c.eml": readable, unique per action (the hash of its
 *  key), and never cut in the middle of the address — the interview id gives way first. */
export function fileNameFor(draft: Pick<ComposedDraft, 'actionKey' | 'interviewId' | 'kind' | 'to'>): string {
  const hash = createHash('sha256').update(draft.actionKey).digest('hex').slice(0, 6);
  const address = safe(draft.to[0]?.email ?? '');
  const fixed = ` ${draft.kind} ${address} ${hash}.eml`;
  const room = MAX_NAME - fixed.length;
  if (room < 8) return `${safe(draft.interviewId).slice(0, 64)} ${draft.kind} ${hash}.eml`;
  return `${safe(draft.interviewId).slice(0, room)}${fixed}`;
}

/** An .eml draft: the message with X-Unsent: 1 on top (mail programs then offer to send it). */
function asUnsent(raw: Buffer): Buffer {
  return Buffer.concat([Buffer.from('X-Unsent: 1\r\n'), raw]);
}

async function parseDraftFile(dir: string, name: string): Promise<PendingDraft> {
  const parsed = await simpleParser(await readFile(join(dir, name)));
  const header = parsed.headers.get(ACTION_KEY_HEADER_KEY);
  const actionKey = decodeActionKey(typeof header === 'string' ? header : undefined);
  const draft = { to: addressesOf(parsed.to), cc: addressesOf(parsed.cc), subject: parsed.subject ?? '', text: parsed.text ?? '' };
  return {
    id: name,
    to: draft.to,
    cc: draft.cc,
    subject: draft.subject,
    ...(actionKey === undefined ? {} : { actionKey }),
    contentHash: contentHashOf(draft),
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
  async function read(name: string): Promise<PendingDraft | undefined> {
    try {
      return await parseDraftFile(dir, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
  return {
    async list() {
      return (await Promise.all((await names()).map(read))).filter((d): d is PendingDraft => d !== undefined);
    },
    async create(draft: ComposedDraft) {
      await mkdir(dir, { recursive: true });
      const name = fileNameFor(draft);
      const location = join(dir, name);
      await writeFile(location, asUnsent(draft.raw), { flag: 'wx', mode: 0o600 });
      return { draftId: name, location };
    },
    async discard(draftId: string, expectedHash: string) {
      const draft = await read(draftId);
      if (draft === undefined) return true;
      if (draft.actionKey === undefined || draft.contentHash !== expectedHash) return false;
      await unlink(join(dir, draftId));
      return true;
    },
  };
}
