import type { Config } from '../config/types.ts';
import { DAY_MS } from '../core/calendar.ts';
import { buildGmailClient } from '../gmail/client.ts';
import { gmailDraftStore } from '../gmail/gmail-draft-store.ts';
import { gmailMailbox, type GmailMailbox, type GmailSyncOptions } from '../gmail/gmail-mailbox.ts';
import { createGmailLimiter } from '../gmail/limiter.ts';
import { gmailProfile, sendAsIdentity } from '../gmail/profile.ts';
import { decodeSyncState, encodeSyncState } from '../gmail/sync/sync-codec.ts';
import type { SyncState } from '../gmail/sync/sync-model.ts';
import type { LedgerLocation } from '../state/ledger.ts';
import { stateDir } from '../state/paths.ts';
import { readSyncFile, writeSyncFile } from '../state/sync-state.ts';
import type { Logger } from '../log.ts';
import type { Source } from './source.ts';

/** The send-as list changes rarely: a day old is fresh enough (and a full read refreshes it). */
const IDENTITY_MAX_AGE_MS = DAY_MS;

/** The last run's sync state, or why there is none to use. */
async function loadSyncState(at: LedgerLocation, log: Logger): Promise<Pick<GmailSyncOptions, 'previous' | 'fullReason'>> {
  const file = await readSyncFile(at);
  if (file.kind === 'missing') return {};
  const decoded = file.kind === 'found' ? decodeSyncState(file.text) : { ok: false as const, problem: file.detail };
  if (decoded.ok) return { previous: decoded.state };
  log.warn('gmail sync state unusable; reading everything', { problem: decoded.problem });
  return { fullReason: `the sync state could not be used (${decoded.problem})` };
}

type KeptIdentity = NonNullable<SyncState['identity']>;

function cachedIdentity(previous: SyncState | undefined, email: string, now: Date): KeptIdentity | undefined {
  const identity = previous?.identity;
  if (identity === undefined || identity.email !== email) return undefined;
  const age = now.getTime() - identity.fetchedAt.getTime();
  return age >= 0 && age < IDENTITY_MAX_AGE_MS ? identity : undefined;
}

/** How the read went, said once in the log (when the decision asks), and — for `run` — the state
 *  saved for the next. */
function sourceSync(mailbox: GmailMailbox, log: Logger, save?: () => Promise<void>): NonNullable<Source['sync']> {
  let logged = false;
  return {
    summary() {
      const summary = mailbox.syncSummary();
      if (summary && !logged) {
        log.info('gmail read', { kind: summary.kind, ...(summary.reason ? { reason: summary.reason } : {}), searched: summary.searched.length });
        logged = true;
      }
      return summary;
    },
    ...(save ? { save } : {}),
  };
}

/** Gmail as the mailbox, and — only for `run` — as the place drafts are left. `report` gets no draft
 *  store at all, so it cannot write even by mistake. Both read on from the sync state the last `run`
 *  saved (unless `full`); only `run` saves the next one, at the very end. */
export async function gmailSource(args: {
  config: Config;
  log: Logger;
  env: Readonly<Record<string, string | undefined>>;
  write: boolean;
  /** --full: read everything, whatever the sync state says. */
  full?: boolean;
  clock?: () => Date;
}): Promise<Source> {
  const { config, log } = args;
  const now = (args.clock ?? (() => new Date()))();
  const gmail = await buildGmailClient({ env: args.env });
  const limiter = createGmailLimiter({
    quotaUnitsPerMinute: config.gmail.quotaUnitsPerMinute,
    concurrency: config.gmail.maxConcurrency,
    retry: { onRetry: (e) => log.warn('gmail retry', { what: e.what, status: e.status, reason: e.reason, code: e.code, url: e.url, attempt: e.attempt, delayMs: e.delayMs }) },
  });
  // getProfile first: it names the mailbox (and its state), and its historyId is where a full read starts.
  const profile = await gmailProfile(gmail, limiter);
  const at = { dir: stateDir(args.env), mailboxId: `gmail:${profile.email}` };
  const loaded = args.full ? {} : await loadSyncState(at, log);
  const identity: KeptIdentity = cachedIdentity(loaded.previous, profile.email, now) ?? { ...(await sendAsIdentity(gmail, limiter, profile.email)), fetchedAt: now };
  const sync: GmailSyncOptions = { ...loaded, ...(args.full ? { full: true } : {}), ...(profile.historyId ? { profileHistoryId: profile.historyId } : {}) };
  const mailbox = gmailMailbox(gmail, { limiter, sync });
  const save = async () => writeSyncFile(at, encodeSyncState(await mailbox.nextSyncState(identity)));
  return {
    mailbox,
    mailboxId: at.mailboxId,
    store: args.write ? gmailDraftStore(gmail, { limiter, onCreated: (d) => mailbox.ownDraftCreated(d) }) : undefined,
    myAddresses: identity.aliases,
    ...(identity.displayName ? { myName: identity.displayName } : {}),
    sync: sourceSync(mailbox, log, args.write ? save : undefined),
  };
}
