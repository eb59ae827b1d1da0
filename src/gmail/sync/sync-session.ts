import type { SyncSummary } from '../../core/types.ts';
import type { InvitationsRead, MailboxContents, MailboxQuery, ReadProgress } from '../../mailbox/port.ts';
import { invitationsOfHits } from '../read-invitations.ts';
import { isKept } from './assemble.ts';
import type { GmailContext } from './gmail-context.ts';
import { syncInvitationHits, type InvitationCoverage } from './invitation-sync.ts';
import { compileMatcher } from './mail-matcher.ts';
import { recordOwnDrafts, type CreatedDraft } from './own-drafts.ts';
import { prepare, type Prepared, type SyncStart } from './prepare.ts';
import { readForQuery } from './read-for-query.ts';
import { atsDomainsOf, interviewSearches, planSearches, searchKeys, type SearchPlan } from './search-plan.ts';
import { SYNC_FORMAT, type SyncState } from './sync-model.ts';
import type { ThreadRecord } from './thread-record.ts';

// One run's Gmail read: the invitations, then the interviews' mail, from the last run's state when
// there is a usable one, and what to keep for the next.

export interface SyncSession {
  readInvitations(since: Date, onProgress?: (p: ReadProgress) => void): Promise<InvitationsRead>;
  read(query: MailboxQuery, onProgress?: (p: ReadProgress) => void): Promise<MailboxContents>;
  ownDraftCreated(draft: CreatedDraft): void;
  /** Full or incremental, and why; undefined before anything was read. */
  summary(): SyncSummary | undefined;
  /** The state for the next run: after the reads, and after any drafts were made. */
  nextState(identity?: SyncState['identity']): Promise<SyncState>;
}

interface LastRead {
  query: MailboxQuery;
  plan: SearchPlan;
  kept: ThreadRecord[];
}

export function createSyncSession(ctx: GmailContext, start: SyncStart): SyncSession {
  let prepared: Promise<Prepared> | undefined;
  let settled: Prepared | undefined;
  let last: LastRead | undefined;
  let invitations: InvitationCoverage | undefined;
  const created: CreatedDraft[] = [];
  const begin = (onProgress?: (p: ReadProgress) => void) =>
    (prepared ??= prepare(ctx, start, onProgress).then((p) => (settled = p)));

  async function keptWithOwnDrafts(read: LastRead): Promise<ThreadRecord[]> {
    if (created.length === 0) return read.kept;
    const records = new Map(read.kept.map((r) => [r.id, r]));
    await recordOwnDrafts(ctx, records, created);
    const matcher = compileMatcher(read.query, ctx.query);
    return [...records.values()].filter((r) => isKept(r, matcher, new Set(searchKeys(read.query))));
  }

  return {
    async readInvitations(since, onProgress) {
      const p = await begin(onProgress);
      invitations = await syncInvitationHits(ctx, p, since);
      return invitationsOfHits(invitations.hits, since);
    },
    async read(query, onProgress) {
      const p = await begin(onProgress);
      const plan = planSearches(query, interviewSearches(query), ctx.query, p.mode === 'incremental' ? p.previous : undefined, p.searchAll);
      const { contents, kept } = await readForQuery(ctx, p, query, plan, onProgress);
      last = { query, plan, kept };
      return contents;
    },
    ownDraftCreated: (draft) => void created.push(draft),
    summary() {
      if (settled === undefined) return undefined;
      const searched = last?.plan.searched ?? [];
      if (settled.mode === 'full') return { kind: 'full', ...(settled.reason ? { reason: settled.reason } : {}), searched };
      const reason = last?.plan.reason;
      return { kind: 'incremental', ...(reason ? { reason } : {}), searched };
    },
    async nextState(identity) {
      const p = settled ?? (start.profileHistoryId ? undefined : await begin());
      const historyId = p?.historyId ?? start.profileHistoryId!;
      const atsDomains = atsDomainsOf(ctx.query);
      const read = last;
      return {
        format: SYNC_FORMAT,
        historyId,
        savedAt: new Date(),
        ...(identity ? { identity } : {}),
        coverage: read ? { since: read.query.since, keys: searchKeys(read.query), atsDomains } : { since: new Date(0), keys: [], atsDomains },
        interviews: read ? interviewSearches(read.query) : {},
        threads: read ? await keptWithOwnDrafts(read) : [],
        ...(invitations ? { invitations } : {}),
      };
    },
  };
}
