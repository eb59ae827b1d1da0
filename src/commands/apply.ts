import { composeDraft } from '../compose/compose-draft.ts';
import type { Action, Decision, Interview, Ledger, LedgerEntry } from '../core/types.ts';
import type { Config } from '../config/types.ts';
import { AuthError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { DraftStore } from '../mailbox/port.ts';

// The tail of `run`: leave each planned draft in the store and record it in the ledger at once, so
// a crash loses at most the one ledger entry being written — and the next run's read finds that
// draft by its X-Interview-Followup header and adopts it (core/draft-state.ts) instead of redoing it.

export interface ApplyCounts {
  created: number;
  adopted: number;
  discarded: number;
  failed: number;
}

export interface ApplyDeps {
  config: Config;
  store: DraftStore;
  ledger: Ledger;
  recordEntry: (entry: LedgerEntry) => Promise<void>;
  discardStale: boolean;
  now: Date;
  log: Logger;
}

function entryFor(action: Action, draftId: string, createdAt: Date, contentHash?: string): LedgerEntry {
  return {
    actionKey: action.key,
    interviewId: action.interviewId,
    kind: action.kind,
    draftId,
    threadId: action.threadId,
    to: action.to.map((a) => a.email),
    createdAt: createdAt.toISOString(),
    contentHash,
  };
}

async function draftOne(action: Action, interview: Interview, deps: ApplyDeps, counts: ApplyCounts): Promise<Action> {
  const draft = await composeDraft({ action, interview, me: deps.config.me, timezone: deps.config.timezone, date: deps.now });
  const { draftId } = await deps.store.create(draft);
  await deps.recordEntry(entryFor(action, draftId, deps.now, draft.contentHash));
  counts.created += 1;
  deps.log.info('draft created', { interview: action.interviewId, kind: action.kind, draft: draftId });
  return { ...action, draft: 'created', draftId };
}

/** Without the hash of what was made, --discard-stale will never delete an adopted draft: safe. */
async function adoptOne(action: Action, deps: ApplyDeps, counts: ApplyCounts): Promise<Action> {
  await deps.recordEntry(entryFor(action, action.draftId!, deps.now));
  counts.adopted += 1;
  deps.log.info('draft adopted', { interview: action.interviewId, kind: action.kind, draft: action.draftId });
  return { ...action, unrecorded: undefined };
}

/** --discard-stale deletes only the tool's own drafts that nobody has edited since. */
async function discardIfUntouched(action: Action, deps: ApplyDeps, counts: ApplyCounts): Promise<Action> {
  const entry = deps.ledger.entries.find((e) => e.actionKey === action.key);
  if (!entry || !action.draftId) return action;
  const current = await deps.store.currentContentHash(action.draftId);
  if (current === undefined || current !== entry.contentHash) {
    return { ...action, reason: `${action.reason}; left alone because it was edited since it was made` };
  }
  await deps.store.discard(action.draftId);
  counts.discarded += 1;
  deps.log.info('stale draft discarded', { interview: action.interviewId, kind: action.kind, draft: action.draftId });
  return { ...action, reason: `${action.reason}; discarded (--discard-stale)` };
}

async function applyAction(action: Action, interview: Interview, deps: ApplyDeps, counts: ApplyCounts): Promise<Action> {
  try {
    if (action.draft === 'planned') return await draftOne(action, interview, deps, counts);
    if (action.unrecorded && action.draftId) return await adoptOne(action, deps, counts);
    if (action.draft === 'stale' && deps.discardStale) return await discardIfUntouched(action, deps, counts);
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
