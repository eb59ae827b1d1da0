import { formatLocalDate, type Calendar } from './calendar.ts';
import type { Timeline } from './timeline.ts';
import type { Action, Ledger, LedgerEntry, PendingDraft } from './types.ts';

// Never plan a second draft for an action already drafted: the ledger remembers what was drafted;
// the mailbox's waiting drafts say whether it is still there. Gone and not done means the user
// deleted it unsent — that is a "no".

export interface DraftIndex {
  byKey: ReadonlyMap<string, LedgerEntry>;
  pending: ReadonlyMap<string, PendingDraft>;
  /** Waiting drafts carrying an action key (made by this tool), by key. */
  pendingByKey: ReadonlyMap<string, PendingDraft>;
  /** Waiting drafts the user wrote. */
  userDrafts: readonly PendingDraft[];
}

export function indexDrafts(ledger: Ledger, drafts: readonly PendingDraft[]): DraftIndex {
  return {
    byKey: new Map(ledger.entries.map((e) => [e.actionKey, e])),
    pending: new Map(drafts.map((d) => [d.id, d])),
    pendingByKey: new Map(drafts.filter((d) => d.actionKey).map((d) => [d.actionKey!, d])),
    userDrafts: drafts.filter((d) => !d.actionKey),
  };
}

export function withDraftState(action: Action, index: DraftIndex): Action {
  const entry = index.byKey.get(action.key);
  if (entry) {
    return index.pending.has(entry.draftId)
      ? { ...action, draft: 'exists', draftId: entry.draftId }
      : { ...action, draft: 'dismissed', draftId: entry.draftId, reason: `${action.reason}; the draft made on ${entry.createdAt.slice(0, 10)} was deleted unsent, so none is made again` };
  }
  const adopted = index.pendingByKey.get(action.key);
  if (adopted) return { ...action, draft: 'exists', draftId: adopted.id, unrecorded: true };
  const recipients = new Set(action.to.map((a) => a.email));
  const own = index.userDrafts.find((d) => [...d.to, ...d.cc].some((a) => recipients.has(a.email)));
  if (own) {
    return { ...action, draft: 'exists', draftId: own.id, reason: `${action.reason}; you already have a draft to ${[...recipients].join(', ')} ("${own.subject}"), so none is made` };
  }
  return action;
}

/** Waiting drafts of this tool that the situation has overtaken: reported, left alone. */
export function staleActions(args: { timeline: Timeline; plannedKeys: ReadonlySet<string>; index: DraftIndex; cal: Calendar }): Action[] {
  const { timeline, plannedKeys, index, cal } = args;
  const stale: Action[] = [];
  for (const entry of index.byKey.values()) {
    if (entry.interviewId !== timeline.interview.id || plannedKeys.has(entry.actionKey)) continue;
    if (!index.pending.has(entry.draftId)) continue;
    const since = timeline.companyMessages.find((m) => m.date.getTime() > Date.parse(entry.createdAt));
    const what = since
      ? `${timeline.interview.company} wrote on ${formatLocalDate(since.date, cal)}, after this draft was made`
      : 'it is no longer needed';
    stale.push({
      key: entry.actionKey,
      kind: entry.kind,
      interviewId: entry.interviewId,
      to: entry.to.map((email) => ({ email })),
      threadId: entry.threadId,
      draft: 'stale',
      draftId: entry.draftId,
      reason: `stale ${entry.kind} draft: ${what}`,
    });
  }
  return stale;
}
