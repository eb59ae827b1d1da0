import type { gmail_v1 } from '@googleapis/gmail';
import type { PendingDraft, Warning } from '../core/types.ts';
import { GmailError } from '../errors.ts';
import type { Mailbox, MailboxContents, MailboxQuery, ReadProgress } from '../mailbox/port.ts';
import { createGmailLimiter, type GmailLimiter } from './limiter.ts';
import { getDraft, listDrafts, pendingDraft, type DraftRef } from './read-drafts.ts';
import { listThreadIds, MAX_PAGE_SIZE, readThread, type ThreadRead } from './read-threads.ts';
import { attributeUnreadThread } from './attribute-failure.ts';
import { readGmailInvitations } from './read-invitations.ts';
import { buildSearches, type QueryOptions, type SearchQuery } from './search-queries.ts';

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

/** Which interviews each thread or draft was searched for: the evidence of a read failure. */
type Finders = Map<string, Set<string>>;

function noteFinders(finders: Finders, id: string, interviewIds: readonly string[]): void {
  const set = finders.get(id) ?? new Set<string>();
  for (const i of interviewIds) set.add(i);
  finders.set(id, set);
}

function interviewsOf(search: SearchQuery, owners: MailboxQuery['owners']): string[] {
  return [...new Set(search.keys.flatMap((key) => owners?.[key] ?? []))];
}

async function searchThreads(ctx: Context, searches: SearchQuery[], owners: MailboxQuery['owners'], finders: Finders): Promise<string[]> {
  const pages = await Promise.all(searches.map((s) => listThreadIds(ctx.gmail, ctx.limiter, s.q, ctx.pageSize)));
  pages.forEach((ids, n) => ids.forEach((id) => noteFinders(finders, id, interviewsOf(searches[n]!, owners))));
  return [...new Set(pages.flat())];
}

/** Only drafts that involve the interviews, found with the same searches as the threads: the user's
 *  other drafts are none of our business, and however many there are, ours are never crowded out. */
async function searchDrafts(ctx: Context, searches: SearchQuery[], owners: MailboxQuery['owners'], finders: Finders): Promise<DraftRef[]> {
  const pages = await Promise.all(searches.map((s) => listDrafts(ctx.gmail, ctx.limiter, ctx.pageSize, s.q)));
  pages.forEach((refs, n) => refs.forEach((r) => noteFinders(finders, r.draftId, interviewsOf(searches[n]!, owners))));
  return [...new Map(pages.flat().map((r) => [r.draftId, r])).values()];
}

/** A thread that could not be read may concern the interviews whose searches found it (narrowed by
 *  attribute-failure.ts); a message in it that could not be read, those whose people the rest of
 *  the thread involves. */
async function withEvidence(ctx: Context, args: { read: ThreadRead; threadId: string; query: MailboxQuery; finders: Finders }): Promise<Warning[]> {
  const { read, threadId } = args;
  const candidates = [...(args.finders.get(threadId) ?? [])];
  const addresses = [...new Set((read.thread?.messages ?? []).flatMap((m) => [m.from, ...m.to, ...m.cc, ...m.replyTo]).flatMap((a) => (a ? [a.email] : [])))];
  const whole = read.warnings.some((w) => w.code === 'gmail-thread-failed' || w.code === 'gmail-thread-unreadable');
  const evidence = whole || addresses.length === 0
    ? await attributeUnreadThread({ gmail: ctx.gmail, limiter: ctx.limiter, threadId, query: args.query, options: ctx.query, candidates })
    : { addresses };
  return read.warnings.map((w) => ({ ...w, evidence }));
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
 *  fetched one by one, in full so their content hash can be taken. */
async function collectDrafts(ctx: Context, reads: ThreadRead[], refs: DraftRef[], warnings: Warning[], finders: Finders): Promise<PendingDraft[]> {
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
  const fetched = await Promise.all(others.map((r) => getDraft(ctx.gmail, ctx.limiter, r.draftId, 'full')));
  fetched.forEach((outcome, i) => {
    if (outcome === 'gone') return;
    if (!outcome.ok) warnings.push({ ...outcome.warning, evidence: { interviewIds: [...(finders.get(others[i]!.draftId) ?? [])] } });
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
    readInvitations: (since) => readGmailInvitations(ctx.gmail, ctx.limiter, since),
    async read(query, readOptions): Promise<MailboxContents> {
      const searches = buildSearches(query, ctx.query);
      const finders: Finders = new Map();
      const [ids, refs] = await Promise.all([
        searchThreads(ctx, searches, query.owners, finders),
        searchDrafts(ctx, searches, query.owners, finders),
      ]);
      const reads = await readThreads(ctx, ids, readOptions?.onProgress);
      const unread = reads.map((read, n) => ({ read, threadId: ids[n]! })).filter(({ read }) => read.warnings.length > 0);
      const warnings = (await Promise.all(unread.map((u) => withEvidence(ctx, { ...u, query, finders })))).flat();
      const drafts = await collectDrafts(ctx, reads, refs, warnings, finders);
      const threads = reads.flatMap((r) => (r.thread ? [r.thread] : []));
      return { threads, drafts, warnings };
    },
  };
}
