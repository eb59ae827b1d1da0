import type { MailboxQuery } from '../../mailbox/port.ts';
import { getDraft, listDrafts } from '../read-drafts.ts';
import type { GmailContext } from './gmail-context.ts';
import type { MailMatcher } from './mail-matcher.ts';
import type { Found } from './search-candidates.ts';
import { ownersOf } from './search-plan.ts';
import { draftEntryOf, withDraftIds, type DraftEntry, type ThreadRecord } from './thread-record.ts';

// A draft is a message of its thread (labelled DRAFT); the engine also needs its draft id, which
// only drafts.list (or drafts.create) tells. Drafts in threads read come with them; others found by
// the draft searches are fetched one by one, in full so their content hash can be taken.

type Records = Map<string, ThreadRecord>;

/** Adds the draft to its thread's record; a thread not kept gets a record of its drafts alone (a
 *  new message in it later is news, and reads the whole thread). */
export function withDraft(records: Records, threadId: string, entry: DraftEntry, keys: Iterable<string>): void {
  const record = records.get(threadId) ?? { id: threadId, messages: [], drafts: [], warnings: [] };
  const drafts = [...record.drafts.filter((d) => d.message.id !== entry.message.id), entry];
  records.set(threadId, { ...record, drafts, keys: [...new Set([...(record.keys ?? []), ...keys])] });
}

/** The drafts the searches found, named in the records that hold them or fetched into records. */
export async function placeFoundDrafts(ctx: GmailContext, records: Records, found: Found['drafts'], query: MailboxQuery): Promise<void> {
  const ids = new Map([...found.values()].map(({ ref }) => [ref.messageId, ref.draftId]));
  for (const [id, record] of records) records.set(id, withDraftIds(record, ids));
  const held = new Set([...records.values()].flatMap((r) => r.drafts.flatMap((d) => (d.draftId ? [d.draftId] : []))));
  const others = [...found.values()].filter(({ ref }) => !held.has(ref.draftId));
  const fetched = await Promise.all(others.map(({ ref }) => getDraft(ctx.gmail, ctx.limiter, ref.draftId, 'full')));
  fetched.forEach((outcome, n) => {
    const { ref, keys } = others[n]!;
    if (outcome === 'gone') return;
    if (outcome.ok) return withDraft(records, outcome.value.message.threadId, draftEntryOf(outcome.value, ref.draftId), keys);
    const threadId = ref.threadId ?? `draft:${ref.draftId}`;
    const record = records.get(threadId) ?? { id: threadId, messages: [], drafts: [], warnings: [] };
    const warning = { ...outcome.warning, evidence: { interviewIds: ownersOf(query, keys) } };
    records.set(threadId, { ...record, warnings: [...record.warnings, warning], retry: true, keys: [...new Set([...(record.keys ?? []), ...keys])] });
  });
}

/** Drafts the matcher finds whose ids are not known yet (written or edited since the last run):
 *  one drafts.list, every page, names them all. */
export async function nameDrafts(ctx: GmailContext, records: Records, matcher: MailMatcher): Promise<void> {
  const unnamed = [...records.values()].some((r) => r.drafts.some((d) => d.draftId === undefined && matcher.finds(d.message)));
  if (!unnamed) return;
  const refs = await listDrafts(ctx.gmail, ctx.limiter, ctx.pageSize);
  const ids = new Map(refs.map((r) => [r.messageId, r.draftId]));
  for (const [id, record] of records) records.set(id, withDraftIds(record, ids));
}
