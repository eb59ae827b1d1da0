import { formatLocalDate, type Calendar } from './calendar.ts';
import type { Timeline } from './timeline.ts';
import type { Action, DraftAction, Interviewer, Ledger, LedgerEntry, Me, PendingDraft } from './types.ts';

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
    pendingByKey: new Map(drafts.flatMap((d) => (d.actionKey ? [[d.actionKey, d] as const] : []))),
    userDrafts: drafts.filter((d) => !d.actionKey),
  };
}

export function withDraftState(action: DraftAction, index: DraftIndex): Action {
  const entry = index.byKey.get(action.key);
  if (entry) {
    return index.pending.has(entry.draftId)
      ? { ...action, draft: 'exists', draftId: entry.draftId, unrecorded: false }
      : { ...action, draft: 'dismissed', draftId: entry.draftId, reason: `${action.reason}; the draft made on ${entry.createdAt.slice(0, 10)} was deleted unsent, so none is made again` };
  }
  const adopted = index.pendingByKey.get(action.key);
  if (adopted) return { ...action, draft: 'exists', draftId: adopted.id, unrecorded: true };
  const recipients = new Set(action.to.map((a) => a.email));
  const own = index.userDrafts.find((d) => [...d.to, ...d.cc].some((a) => recipients.has(a.email)));
  if (own) {
    return { ...action, draft: 'exists', draftId: own.id, unrecorded: false, reason: `${action.reason}; you already have a draft to ${[...recipients].join(', ')} ("${own.subject}"), so none is made` };
  }
  return { ...action, draft: 'planned' };
}

/** --discard-stale deletes a stale draft only when it is exactly as the tool made it: its content
 *  hash now equals the one recorded when it was created. */
function isUntouched(entry: LedgerEntry, pending: PendingDraft): boolean {
  return entry.contentHash !== undefined && pending.contentHash === entry.contentHash;
}

function staleAction(entry: LedgerEntry, args: { timeline: Timeline; me: Me; discard: boolean; reason: string }): Action {
  const { timeline, me } = args;
  const base = {
    key: entry.actionKey,
    interviewId: entry.interviewId,
    to: entry.to.map((email) => ({ email })),
    from: { name: me.name, email: entry.from ?? me.emails[0] ?? '' },
    ...(entry.threadId ? { threadId: entry.threadId } : {}),
    reason: args.reason,
    draft: 'stale' as const,
    draftId: entry.draftId,
    discard: args.discard,
  };
  if (entry.kind !== 'thank-you') return { ...base, kind: entry.kind };
  const email = entry.to[0] ?? '';
  const interviewer: Interviewer = timeline.interview.interviewers.find((i) => i.email === email) ?? { name: email, email, topics: [] };
  return { ...base, kind: 'thank-you', interviewer };
}

/** Waiting drafts of this tool that the situation has overtaken: reported, and deleted only with
 *  --discard-stale when nobody edited them (decided here, so `report --discard-stale` shows what
 *  `run --discard-stale` would do). */
export function staleActions(args: {
  timeline: Timeline; plannedKeys: ReadonlySet<string>; index: DraftIndex; cal: Calendar; me: Me; discardStale: boolean;
}): Action[] {
  const { timeline, plannedKeys, index, cal } = args;
  const stale: Action[] = [];
  for (const entry of index.byKey.values()) {
    if (entry.interviewId !== timeline.interview.id || plannedKeys.has(entry.actionKey)) continue;
    const pending = index.pending.get(entry.draftId);
    if (!pending) continue;
    const since = timeline.companyMessages.find((m) => m.date.getTime() > Date.parse(entry.createdAt));
    const what = since
      ? `${timeline.interview.company} wrote on ${formatLocalDate(since.date, cal)}, after this draft was made`
      : 'it is no longer needed';
    const untouched = isUntouched(entry, pending);
    const fate = !args.discardStale ? '' : untouched ? '; --discard-stale deletes it, as nobody edited it' : '; left alone because it was edited since it was made';
    stale.push(staleAction(entry, { ...args, discard: args.discardStale && untouched, reason: `stale ${entry.kind} draft: ${what}${fate}` }));
  }
  return stale;
}
