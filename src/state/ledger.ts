// The ledger remembers every draft the tool made, so no action is ever drafted twice.
// One file per mailbox in the state dir, `ledger-<first 16 hex of sha256(mailbox id)>.json`, because
// one state dir can serve an mbox run and a Gmail run whose drafts live in different places.
// The file also names its mailbox in clear, for whoever opens it.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import type { Ledger, LedgerEntry } from '../core/types.ts';
import { EXIT, FollowupError } from '../errors.ts';

export interface LedgerLocation {
  /** The state dir (src/state/paths.ts stateDir). */
  dir: string;
  /** Names the mailbox the drafts live in, e.g. `gmail:alex@example.com` or `eml:/abs/drafts`. */
  mailboxId: string;
}

const entrySchema: z.ZodType<LedgerEntry> = z.object({
  actionKey: z.string(),
  interviewId: z.string(),
  kind: z.enum(['thank-you', 'check-in', 'rejection-reply']),
  draftId: z.string(),
  threadId: z.string().optional(),
  to: z.array(z.string()),
  createdAt: z.string(),
  contentHash: z.string().optional(),
  from: z.string().optional(),
});

const fileSchema = z.object({
  version: z.literal(1),
  mailbox: z.string().optional(),
  entries: z.array(entrySchema),
  interviewIds: z.record(z.string(), z.string()).optional(),
});

export function ledgerPath(at: LedgerLocation): string {
  const hash = createHash('sha256').update(at.mailboxId).digest('hex').slice(0, 16);
  return join(at.dir, `ledger-${hash}.json`);
}

/** A missing ledger is empty; a damaged one is an error, never silently reset. */
export async function readLedger(at: LedgerLocation): Promise<Ledger> {
  const path = ledgerPath(at);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: [] };
    throw new FollowupError(`cannot read the ledger ${path}: ${(error as Error).message}`, EXIT.input, {
      cause: error,
    });
  }
  return parseLedger(text, path);
}

function parseLedger(text: string, path: string): Ledger {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw damaged(path, (error as Error).message, error);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw damaged(path, `${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}`, parsed.error);
  }
  const { entries, interviewIds } = parsed.data;
  return interviewIds === undefined ? { version: 1, entries } : { version: 1, entries, interviewIds };
}

function damaged(path: string, detail: string, cause: unknown): FollowupError {
  return new FollowupError(
    `the ledger ${path} is damaged (${detail}). It records which drafts were already made, so it is ` +
      'never reset automatically: repair it, or move it aside to start afresh (drafts may then be made again).',
    EXIT.input,
    { cause },
  );
}

/** Adds an entry (replacing one with the same action key) and saves at once, so a crash loses at most
 *  the draft in flight. Calls within this process are serialised, so concurrent draft workers are safe. */
export async function appendEntry(at: LedgerLocation, entry: LedgerEntry): Promise<Ledger> {
  return serialised(ledgerPath(at), async () => {
    const current = await readLedger(at);
    const entries = current.entries.filter((known) => known.actionKey !== entry.actionKey);
    const next: Ledger = { ...current, entries: [...entries, entry] };
    await save(at, next);
    return next;
  });
}

async function save(at: LedgerLocation, ledger: Ledger): Promise<void> {
  await mkdir(at.dir, { recursive: true, mode: 0o700 });
  const file = { version: ledger.version, mailbox: at.mailboxId, entries: ledger.entries, ...(ledger.interviewIds ? { interviewIds: ledger.interviewIds } : {}) };
  await writeFileAtomic(ledgerPath(at), `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
}

/** Remembers the ids given to found interviews (UID → id); ids already known are never changed. */
export async function rememberInterviewIds(at: LedgerLocation, ids: ReadonlyMap<string, string>): Promise<Ledger> {
  return serialised(ledgerPath(at), async () => {
    const current = await readLedger(at);
    const known = { ...current.interviewIds };
    let added = false;
    for (const [uid, id] of ids) {
      if (known[uid] !== undefined) continue;
      known[uid] = id;
      added = true;
    }
    if (!added) return current;
    const next: Ledger = { ...current, interviewIds: known };
    await save(at, next);
    return next;
  });
}

const queues = new Map<string, Promise<unknown>>();

function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

