import type { MailboxContents, MailboxQuery, ReadProgress } from '../../mailbox/port.ts';
import { contentsOf, isKept } from './assemble.ts';
import { nameDrafts, placeFoundDrafts } from './draft-entries.ts';
import type { GmailContext } from './gmail-context.ts';
import { compileMatcher, type MailMatcher } from './mail-matcher.ts';
import type { Prepared } from './prepare.ts';
import { readThreads, withEvidence } from './read-records.ts';
import { searchCandidates, type Found } from './search-candidates.ts';
import { restrictedQuery, searchKeys, type SearchPlan } from './search-plan.ts';
import type { ThreadRecord } from './thread-record.ts';

// The rest of a run's read, once the interviews are known: the searches the state does not cover,
// the new mail elsewhere that the matcher (or, for an applicant-tracking message, its thread's text)
// says is theirs, the drafts' ids, the evidence of read failures — then only what the matcher finds.

const NOTHING_FOUND: Found = { threads: new Map(), drafts: new Map() };

/** Threads not kept whose new mail the searches may find: read them to see. */
function peekedThreads(prepared: Prepared, matcher: MailMatcher): Map<string, string[]> {
  const threads = new Map<string, string[]>();
  for (const peek of prepared.peeks) {
    if (peek.gone || prepared.records.has(peek.threadId)) continue;
    const m = peek.message;
    const wanted = m === undefined || (m.labels.includes('DRAFT') ? matcher.finds(m) : matcher.screen(m) !== 'miss');
    if (wanted) threads.set(peek.threadId, [...(threads.get(peek.threadId) ?? []), ...(m ? matcher.keysOf(m) : [])]);
  }
  return threads;
}

async function readNew(ctx: GmailContext, prepared: Prepared, toRead: Map<string, Iterable<string>>, onProgress?: (p: ReadProgress) => void): Promise<void> {
  const ids = [...toRead.keys()];
  const reads = await readThreads(ctx, ids, onProgress);
  reads.forEach(({ record }) => {
    prepared.records.set(record.id, { ...record, keys: [...new Set(toRead.get(record.id))] });
    prepared.fresh.add(record.id);
  });
}

function withKeys(record: ThreadRecord, keys: Iterable<string>, matcher: MailMatcher): ThreadRecord {
  const all = new Set([...(record.keys ?? []), ...keys, ...record.messages.flatMap((m) => matcher.keysOf(m))]);
  return { ...record, keys: [...all].sort() };
}

export interface QueryRead {
  contents: MailboxContents;
  /** The threads to keep for the next run. */
  kept: ThreadRecord[];
}

export async function readForQuery(ctx: GmailContext, prepared: Prepared, query: MailboxQuery, plan: SearchPlan, onProgress?: (p: ReadProgress) => void): Promise<QueryRead> {
  const matcher = compileMatcher(query, ctx.query);
  const keys = new Set(searchKeys(query));
  const found = plan.keys.size > 0 ? await searchCandidates(ctx, restrictedQuery(query, plan.keys), keys) : NOTHING_FOUND;
  const toRead = new Map<string, Iterable<string>>();
  for (const [id, threadKeys] of found.threads) if (!prepared.records.has(id)) toRead.set(id, threadKeys);
  for (const [id, threadKeys] of peekedThreads(prepared, matcher)) if (!toRead.has(id)) toRead.set(id, threadKeys);
  await readNew(ctx, prepared, toRead, onProgress);
  for (const [id, threadKeys] of found.threads) prepared.records.set(id, withKeys(prepared.records.get(id)!, threadKeys, matcher));
  await placeFoundDrafts(ctx, prepared.records, found.drafts, query);
  await nameDrafts(ctx, prepared.records, matcher);
  const fresh = [...prepared.fresh].flatMap((id) => prepared.records.get(id) ?? []);
  for (const record of await Promise.all(fresh.map((r) => withEvidence(ctx, withKeys(r, [], matcher), query)))) prepared.records.set(record.id, record);
  prepared.fresh.clear();
  const kept = [...prepared.records.values()].filter((r) => isKept(r, matcher, keys));
  return { contents: contentsOf(kept, matcher), kept };
}
