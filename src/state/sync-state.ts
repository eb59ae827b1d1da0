// The Gmail sync state: what one run read, kept so the next reads only what changed
// (src/gmail/sync). One file per mailbox next to its ledger, `sync-<first 16 hex of sha256(mailbox
// id)>.json.gz`, written atomically with mode 0600 like the ledger (it holds mail). Gzipped JSON:
// a thousand threads of mail text stay a few MB. Unlike the ledger it is only a cache: one that is
// missing or damaged costs one full read, never a wrong draft.
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import writeFileAtomic from 'write-file-atomic';
import type { LedgerLocation } from './ledger.ts';

/** Larger than any state a job search makes: a file beyond it is not ours. */
const MAX_BYTES = 512 * 1024 * 1024;

export function syncStatePath(at: LedgerLocation): string {
  const hash = createHash('sha256').update(at.mailboxId).digest('hex').slice(0, 16);
  return join(at.dir, `sync-${hash}.json.gz`);
}

export type SyncFile = { kind: 'missing' } | { kind: 'damaged'; detail: string } | { kind: 'found'; text: string };

/** The state's JSON text, if there is one to read. */
export async function readSyncFile(at: LedgerLocation): Promise<SyncFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(syncStatePath(at));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'damaged', detail: (error as Error).message };
  }
  try {
    return { kind: 'found', text: gunzipSync(bytes, { maxOutputLength: MAX_BYTES }).toString('utf8') };
  } catch (error) {
    return { kind: 'damaged', detail: (error as Error).message };
  }
}

/** Replaces the state at once: a crash leaves the old one whole, and the next run reads on from it. */
export async function writeSyncFile(at: LedgerLocation, text: string): Promise<void> {
  await mkdir(at.dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(syncStatePath(at), gzipSync(Buffer.from(text, 'utf8')), { mode: 0o600 });
}
