import type { gmail_v1 } from '@googleapis/gmail';
import type { PendingDraft, Warning } from '../core/types.ts';
import { GmailError } from '../errors.ts';
import type { Mailbox, MailboxContents, ReadProgress } from '../mailbox/port.ts';
import { createGmailLimiter, type GmailLimiter } from './limiter.ts';
import { getDraft, listDrafts, pendingDraft, type DraftRef } from './read-drafts.ts';
import { listThreadIds, MAX_PAGE_SIZE, readThread, type ThreadRead } from './read-threads.ts';
import { buildSearchQueries, type QueryOptions } from './search-queries.ts';

export interface GmailMailboxOptions {
  /** Share one limiter between the mailbox and the draft store: the quota is per user. */
  limiter?: GmailLimiter;
  pageSize?: number;
  query?: QueryOptions;
}

interface Context {
  gmail: gmail_v1.Gmail;
  limiter: GmailLimiter;
  pageSize: number;
  query: QueryOptions;
}

async function searchThreads(ctx: Context, queries: string[]): Promise<string[]> {
  const pages = await Promise.all(queries.map((q) => listThreadIds(ctx.gmail, ctx.limiter, q, ctx.pageSize)));
  return [...new Set(pages.flat())];
}

/** Only drafts that involve the interviews, found with the same searches as the threads: the user's
 *  other drafts are none of our business, and however many there are, ours are never crowded out. */
async function searchDrafts(ctx: Context, queries: string[]): Promise<DraftRef[]> {
  const pages = await Promise.all(queries.map((q) => listDrafts(ctx.gmail, ctx.limiter, ctx.pageSize, q)));
  return [...new Map(pages.flat().map((r) => [r.draftId, r])).values()];
}

/** Reads every thread, a bounded number at a time (the limiter), stopping early on a fatal error. */
async function readThreads(ctx: Context, ids: string[], onProgress?: (p: ReadProgress) => void): Promise<ThreadRead[]> {
  let fetched = 0;
  let failed = false;
  onProgress?.({ threadsFetched: 0, threadsTotal: ids.length });
  return Promise.all(
    ids.map(async (id) => {
      if (failed) throw new GmailError('Gmail read stopped after an earlier error.');
      try {
        const read = await readThread(ctx.gmail, ctx.limiter, id);
        onProgress?.({ threadsFetched: ++fetched, threadsTotal: ids.length });
        return read;
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
}

/** Drafts in the threads read come with them; the others (found by the draft search, so few) are
 *  fetched one by one, metadata only. */
async function collectDrafts(ctx: Context, reads: ThreadRead[], refs: DraftRef[], warnings: Warning[]): Promise<PendingDraft[]> {
  const byMessage = new Map(refs.map((r) => [r.messageId, r]));
  const drafts: PendingDraft[] = [];
  const seen = new Set<string>();
  for (const parsed of reads.flatMap((r) => r.drafts)) {
    const ref = byMessage.get(parsed.message.id);
    if (ref === undefined || seen.has(ref.draftId)) continue;
    seen.add(ref.draftId);
    drafts.push(pendingDraft(ref.draftId, parsed));
  }
  const others = refs.filter((r) => !seen.has(r.draftId));
  const fetched = await Promise.all(others.map((r) => getDraft(ctx.gmail, ctx.limiter, r.draftId, 'metadata')));
  fetched.forEach((outcome, i) => {
    if (outcome === 'gone') return;
    if (!outcome.ok) warnings.push(outcome.warning);
    else drafts.push(pendingDraft(others[i]!.draftId, outcome.value));
  });
  return drafts;
}

/** The Mailbox port over Gmail: targeted searches, then each thread fetched once with bounded
 *  concurrency under the per-user quota, converted to our types at once. Read-only. */
export function gmailMailbox(gmail: gmail_v1.Gmail, options: GmailMailboxOptions = {}): Mailbox {
  const ctx: Context = {
    gmail,
    limiter: options.limiter ?? createGmailLimiter(),
    pageSize: options.pageSize ?? MAX_PAGE_SIZE,
    query: options.query ?? {},
  };
  return {
    async read(query, readOptions): Promise<MailboxContents> {
      const queries = buildSearchQueries(query, ctx.query);
      const [ids, refs] = await Promise.all([searchThreads(ctx, queries), searchDrafts(ctx, queries)]);
      const reads = await readThreads(ctx, ids, readOptions?.onProgress);
      const warnings = reads.flatMap((r) => r.warnings);
      const drafts = await collectDrafts(ctx, reads, refs, warnings);
      const threads = reads.flatMap((r) => (r.thread ? [r.thread] : []));
      return { threads, drafts, warnings };
    },
  };
}
