import { composeDraft } from '../compose/compose-draft.ts';
import type { Action, Decision, Interview, LedgerEntry, Me, PlannedAction } from '../core/types.ts';
import { AuthError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { DraftStore } from '../mailbox/port.ts';

// The tail of `run`: leave each planned draft in the store and record it in the ledger at once, so
// a crash loses at most the one ledger entry being written — and the next run's read finds that
// draft by its X-Interview-Followup header and adopts it (core/draft-state.ts) instead of redoing it.
// What to do was decided by the engine; nothing is decided here.

export interface ApplyCounts {
  created: number;
  adopted: number;
  discarded: number;
  failed: number;
}

export interface ApplyDeps {
  me: Me;
  timezone: string;
  store: DraftStore;
  recordEntry: (entry: LedgerEntry) => Promise<void>;
  /** The recorded content hash of a draft, by action key: what --discard-stale checks again. */
  recordedHash: (actionKey: string) => string | undefined;
  now: Date;
  log: Logger;
}

function entryFor(action: Action, draftId: string, createdAt: Date, contentHash?: string): LedgerEntry {
  return {
    actionKey: action.key,
    interviewId: action.interviewId,
    kind: action.kind,
    draftId,
    ...(action.threadId ? { threadId: action.threadId } : {}),
    to: action.to.map((a) => a.email),
    from: action.from.email,
    createdAt: createdAt.toISOString(),
    ...(contentHash ? { contentHash } : {}),
  };
}

async function draftOne(action: PlannedAction, interview: Interview, deps: ApplyDeps, counts: ApplyCounts): Promise<Action> {
  const draft = await composeDraft({ action, interview, me: deps.me, timezone: deps.timezone, date: deps.now });
  const { draftId, location } = await deps.store.create(draft);
  await deps.recordEntry(entryFor(action, draftId, deps.now, draft.contentHash));
  counts.created += 1;
  deps.log.info('draft created', { interview: action.interviewId, kind: action.kind, draft: draftId, ...(location ? { path: location } : {}) });
  return { ...action, draft: 'created', draftId };
}

/** Without the hash of what was made, --discard-stale will never delete an adopted draft: safe. */
async function adoptOne(action: Action & { draft: 'exists' }, deps: ApplyDeps, counts: ApplyCounts): Promise<Action> {
  await deps.recordEntry(entryFor(action, action.draftId, deps.now));
  counts.adopted += 1;
  deps.log.info('draft adopted', { interview: action.interviewId, kind: action.kind, draft: action.draftId });
  return { ...action, unrecorded: false };
}

async function discardOne(action: Action & { draft: 'stale' }, deps: ApplyDeps, counts: ApplyCounts): Promise<Action> {
  const hash = deps.recordedHash(action.key);
  if (hash === undefined) return action;
  const gone = await deps.store.discard(action.draftId, hash);
  if (!gone) return { ...action, discard: false, reason: `${action.reason}; left alone because it was edited just now` };
  counts.discarded += 1;
  deps.log.info('stale draft discarded', { interview: action.interviewId, kind: action.kind, draft: action.draftId });
  return action;
}

async function applyAction(action: Action, interview: Interview, deps: ApplyDeps, counts: ApplyCounts): Promise<Action> {
  try {
    if (action.draft === 'planned') return await draftOne(action, interview, deps, counts);
    if (action.draft === 'exists' && action.unrecorded) return await adoptOne(action, deps, counts);
    if (action.draft === 'stale' && action.discard) return await discardOne(action, deps, counts);
    return action;
  } catch (error) {
    // One failed draft must not stop the others; a typed error (auth, quota) still stops the run.
    if (error instanceof AuthError) throw error;
    counts.failed += 1;
    deps.log.error('draft failed', { interview: action.interviewId, kind: action.kind, error: (error as Error).message });
    return { ...action, reason: `${action.reason}; FAILED: ${(error as Error).message}` };
  }
}

export async function applyDecision(decision: Decision, deps: ApplyDeps): Promise<{ decision: Decision; counts: ApplyCounts }> {
  const counts: ApplyCounts = { created: 0, adopted: 0, discarded: 0, failed: 0 };
  const interviews = [];
  for (const state of decision.interviews) {
    const actions = [];
    for (const action of state.actions) actions.push(await applyAction(action, state.interview, deps, counts));
    interviews.push({ ...state, actions });
  }
  return { decision: { ...decision, interviews }, counts };
}
