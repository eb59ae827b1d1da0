import type { Decision, LedgerEntry } from '../core/types.ts';
import { resolve } from 'node:path';
import { isReadFailure } from '../core/warnings.ts';
import { UsageError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { appendEntry, readLedger, rememberInterviewIds } from '../state/ledger.ts';
import { idsToRemember } from './find-interviews.ts';
import { withLock } from '../state/lock.ts';
import { applyDecision, type ApplyCounts } from './apply.ts';
import { readAndDecide, type ReadArgs } from './gather.ts';

export interface RunResult {
  decision: Decision;
  counts: ApplyCounts;
}

/** The worker: lock → ledger → read → decide → leave drafts, recording each at once. Never sends. */
export async function runCommand(args: ReadArgs & {
  stateDir: string;
  wait: boolean;
  log: Logger;
}): Promise<RunResult> {
  const { source, stateDir, log } = args;
  const { store, mailboxId } = source;
  if (!store || !mailboxId) throw new UsageError('run needs somewhere to leave drafts: --drafts-dir DIR with --mbox, or Gmail');
  const at = { dir: stateDir, mailboxId };
  return withLock(
    stateDir,
    async () => {
      let ledger = await readLedger(at);
      const { decision, found } = await readAndDecide({ ...args, ledger });
      // Ids given to found interviews are kept: drafts are remembered by them.
      ledger = await rememberInterviewIds(at, idsToRemember(found));
      const recordEntry = async (entry: LedgerEntry) => {
        ledger = await appendEntry(at, entry);
      };
      const recordedHash = (key: string) => ledger.entries.find((e) => e.actionKey === key)?.contentHash;
      const result = await applyDecision(decision, { me: decision.me, timezone: args.config.timezone, store, recordEntry, recordedHash, now: args.now, log });
      // Last: a run that stops before here leaves the old sync state, and the next reads on from it.
      await source.sync?.save?.().catch((error: Error) => log.warn('cannot save the gmail sync state; the next run reads more', { message: error.message }));
      return result;
    },
    { wait: args.wait, onBusy: () => log.info('another run holds the lock; waiting') },
  );
}

export function summaryLine(result: RunResult, draftsDir?: string): string {
  const { decision, counts } = result;
  const actions = decision.interviews.flatMap((i) => i.actions);
  const count = (state: string) => actions.filter((a) => a.draft === state).length;
  const statuses = decision.interviews.map((i) => i.status);
  const waiting = statuses.filter((s) => s === 'awaiting-reply' || s === 'waiting-after-check-in').length;
  const parts = [
    `drafts created: ${counts.created}`,
    `adopted: ${counts.adopted}`,
    `already waiting: ${count('exists')}`,
    `dismissed: ${count('dismissed')}`,
    `stale: ${count('stale')}`,
    `discarded: ${counts.discarded}`,
    `failed: ${counts.failed}`,
    `interviews waiting for a reply: ${waiting}`,
    `your move: ${statuses.filter((s) => s === 'your-move').length}`,
    `unreadable messages skipped: ${decision.warnings.filter(isReadFailure).length}`,
    `interviews not fully read: ${decision.interviews.filter((i) => i.unread.length > 0).length}`,
  ];
  if (draftsDir !== undefined && counts.created > 0) parts.push(`drafts written to ${resolve(draftsDir)}`);
  return parts.join(', ');
}

/** Exit 5: some interview could not be read in full (it got no new draft), or a draft failed. */
export function isPartial(result: RunResult): boolean {
  return result.counts.failed > 0 || result.decision.interviews.some((i) => i.unread.length > 0);
}
