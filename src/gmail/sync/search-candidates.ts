import type { MailboxQuery } from '../../mailbox/port.ts';
import { listDrafts, type DraftRef } from '../read-drafts.ts';
import { listThreadIds } from '../read-threads.ts';
import { buildSearches } from '../search-queries.ts';
import type { GmailContext } from './gmail-context.ts';
import { keysOfSearch } from './search-plan.ts';

/** What the searches found: threads and drafts, each with the search keys that found it. */
export interface Found {
  threads: Map<string, Set<string>>;
  drafts: Map<string, { ref: DraftRef; keys: Set<string> }>;
}

function note<T>(map: Map<string, T>, id: string, make: () => T, keys: readonly string[], keysOf: (t: T) => Set<string>): void {
  let entry = map.get(id);
  if (entry === undefined) map.set(id, (entry = make()));
  for (const k of keys) keysOf(entry).add(k);
}

/** The threads and drafts the query's searches find (threads.list and drafts.list, every page).
 *  Drafts too are searched, not listed whole: the user's other drafts are none of our business,
 *  and however many there are, ours are never crowded out. */
export async function searchCandidates(ctx: GmailContext, query: MailboxQuery, known: ReadonlySet<string>): Promise<Found> {
  const searches = buildSearches(query, ctx.query);
  const [threadPages, draftPages] = await Promise.all([
    Promise.all(searches.map((s) => listThreadIds(ctx.gmail, ctx.limiter, s.q, ctx.pageSize))),
    Promise.all(searches.map((s) => listDrafts(ctx.gmail, ctx.limiter, ctx.pageSize, s.q))),
  ]);
  const found: Found = { threads: new Map(), drafts: new Map() };
  searches.forEach((search, n) => {
    const keys = keysOfSearch(search.keys, known);
    for (const id of threadPages[n]!) note(found.threads, id, () => new Set<string>(), keys, (s) => s);
    for (const ref of draftPages[n]!) note(found.drafts, ref.draftId, () => ({ ref, keys: new Set<string>() }), keys, (e) => e.keys);
  });
  return found;
}
