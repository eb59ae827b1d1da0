import type { gmail_v1 } from '@googleapis/gmail';
import type { SyncSummary } from '../core/types.ts';
import type { Mailbox } from '../mailbox/port.ts';
import { createGmailLimiter, type GmailLimiter } from './limiter.ts';
import { MAX_PAGE_SIZE } from './read-threads.ts';
import type { QueryOptions } from './search-queries.ts';
import type { CreatedDraft } from './sync/own-drafts.ts';
import type { SyncStart } from './sync/prepare.ts';
import { createSyncSession } from './sync/sync-session.ts';
import type { SyncState } from './sync/sync-model.ts';

export interface GmailSyncOptions {
  /** The state the last run saved; absent (or `full`): everything is read. */
  previous?: SyncState;
  /** --full: read everything, whatever the state. */
  full?: boolean;
  /** Why there is no usable state (a damaged or older file), for the log. */
  fullReason?: string;
  /** The historyId getProfile gave at the start of the run (docs/gmail.md §3); fetched if absent. */
  profileHistoryId?: string;
}

export interface GmailMailboxOptions {
  /** Share one limiter between the mailbox and the draft store: the quota is per user. */
  limiter?: GmailLimiter;
  pageSize?: number;
  query?: QueryOptions;
  /** Read on from a sync state, and make the next one (src/gmail/sync). Without it every read is a
   *  full one and nothing is kept. */
  sync?: GmailSyncOptions;
}

export interface GmailMailbox extends Mailbox {
  /** Full or incremental, and why (after a read). */
  syncSummary(): SyncSummary | undefined;
  /** The draft store reports each draft it made, so the next run knows them (own-drafts.ts). */
  ownDraftCreated(draft: CreatedDraft): void;
  /** What to keep for the next run: call after the reads and any drafts (only with `sync`). */
  nextSyncState(identity?: SyncState['identity']): Promise<SyncState>;
}

function startOf(sync: GmailSyncOptions | undefined): SyncStart {
  if (sync === undefined) return { stateless: true, fullReason: 'no sync state kept' };
  const { previous, full, fullReason, profileHistoryId } = sync;
  const id = profileHistoryId === undefined ? {} : { profileHistoryId };
  if (full) return { ...id, fullReason: '--full' };
  return previous === undefined ? { ...id, fullReason: fullReason ?? 'no sync state yet' } : { ...id, previous };
}

/** The Mailbox port over Gmail: targeted searches, each thread fetched once with bounded
 *  concurrency under the per-user quota and converted to our types at once — or, with a sync state,
 *  only what the mailbox's history says changed (src/gmail/sync). Read-only. */
export function gmailMailbox(gmail: gmail_v1.Gmail, options: GmailMailboxOptions = {}): GmailMailbox {
  const ctx = {
    gmail,
    limiter: options.limiter ?? createGmailLimiter(),
    pageSize: options.pageSize ?? MAX_PAGE_SIZE,
    query: options.query ?? {},
  };
  const session = createSyncSession(ctx, startOf(options.sync));
  return {
    readInvitations: (since, readOptions) => session.readInvitations(since, readOptions?.onProgress),
    read: (query, readOptions) => session.read(query, readOptions?.onProgress),
    syncSummary: () => (options.sync ? session.summary() : undefined),
    ownDraftCreated: (draft) => session.ownDraftCreated(draft),
    async nextSyncState(identity) {
      if (options.sync === undefined) throw new Error('gmailMailbox: nextSyncState needs the sync option');
      return session.nextState(identity);
    },
  };
}
