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

/** What the run read, with the drafts it made read back into their threads. */
async function keptWithOwnDrafts(ctx: GmailContext, read: LastRead, created: readonly CreatedDraft[]): Promise<ThreadRecord[]> {
  if (created.length === 0) return read.kept;
  const records = new Map(read.kept.map((r) => [r.id, r]));
  await recordOwnDrafts(ctx, records, created);
  const matcher = compileMatcher(read.query, ctx.query);
  return [...records.values()].filter((r) => isKept(r, matcher, new Set(searchKeys(read.query))));
}

function summaryOf(settled: Prepared, last: LastRead | undefined): SyncSummary {
  const searched = last?.plan.searched ?? [];
  const reason = settled.mode === 'full' ? settled.reason : last?.plan.reason;
  return { kind: settled.mode, ...(reason ? { reason } : {}), searched };
}

async function stateOf(ctx: GmailContext, parts: { historyId: string; read?: LastRead; invitations?: InvitationCoverage; created: CreatedDraft[]; identity?: SyncState['identity'] }): Promise<SyncState> {
  const { read, invitations, identity } = parts;
  const atsDomains = atsDomainsOf(ctx.query);
  return {
    format: SYNC_FORMAT,
    historyId: parts.historyId,
    savedAt: new Date(),
    ...(identity ? { identity } : {}),
    // Nothing read for interviews (there were none): nothing is covered, and nothing kept.
    coverage: read ? { since: read.query.since, keys: searchKeys(read.query), atsDomains } : { since: new Date(0), keys: [], atsDomains },
    interviews: read ? interviewSearches(read.query) : {},
    threads: read ? await keptWithOwnDrafts(ctx, read, parts.created) : [],
    ...(invitations ? { invitations } : {}),
  };
}

export function createSyncSession(ctx: GmailContext, start: SyncStart): SyncSession {
  let prepared: Promise<Prepared> | undefined;
  let settled: Prepared | undefined;
  let last: LastRead | undefined;
  let invitations: InvitationCoverage | undefined;
  const created: CreatedDraft[] = [];
  const begin = (onProgress?: (p: ReadProgress) => void) =>
    (prepared ??= prepare(ctx, start, onProgress).then((p) => (settled = p)));
  return {
    async readInvitations(since, onProgress) {
      invitations = await syncInvitationHits(ctx, await begin(onProgress), since);
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
    summary: () => (settled === undefined ? undefined : summaryOf(settled, last)),
    async nextState(identity) {
      const historyId = (settled ?? (start.profileHistoryId ? undefined : await begin()))?.historyId ?? start.profileHistoryId!;
      return stateOf(ctx, { historyId, ...(last ? { read: last } : {}), ...(invitations ? { invitations } : {}), created, ...(identity ? { identity } : {}) });
    },
  };
}
