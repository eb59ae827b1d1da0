import type { MailboxQuery, ReadProgress } from '../../mailbox/port.ts';
import { GmailError } from '../../errors.ts';
import { attributeUnreadThread } from '../attribute-failure.ts';
import { readThread, type ThreadRead } from '../read-threads.ts';
import type { GmailContext } from './gmail-context.ts';
import { ownersOf } from './search-plan.ts';
import type { ThreadRecord } from './thread-record.ts';

/** Reads the threads, a bounded number at a time (the limiter), stopping early on a fatal error. */
export async function readThreads(ctx: GmailContext, ids: readonly string[], onProgress?: (p: ReadProgress) => void, keepRaw?: (messageId: string) => boolean): Promise<ThreadRead[]> {
  let fetched = 0;
  let failed = false;
  if (ids.length > 0) onProgress?.({ threadsFetched: 0, threadsTotal: ids.length });
  return Promise.all(
    ids.map(async (id) => {
      if (failed) throw new GmailError('Gmail read stopped after an earlier error.');
      try {
        const read = await readThread(ctx.gmail, ctx.limiter, id, keepRaw);
        onProgress?.({ threadsFetched: ++fetched, threadsTotal: ids.length });
        return read;
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
}

/** A thread that could not be read (in part) may concern the interviews whose searches found it
 *  (narrowed by attribute-failure.ts); a message in it that could not be read, those whose people
 *  the rest of the thread involves. Evidence that rests on the searches alone is only as good as
 *  this run's: such a thread is read again next run. */
export async function withEvidence(ctx: GmailContext, record: ThreadRecord, query: MailboxQuery): Promise<ThreadRecord> {
  if (record.warnings.length === 0) return record;
  const addresses = [...new Set(record.messages.flatMap((m) => [m.from, ...m.to, ...m.cc, ...m.replyTo]).flatMap((a) => (a ? [a.email] : [])))];
  const whole = record.warnings.some((w) => w.code === 'gmail-thread-failed' || w.code === 'gmail-thread-unreadable');
  const candidates = ownersOf(query, record.keys ?? []);
  const evidence = whole || addresses.length === 0
    ? await attributeUnreadThread({ gmail: ctx.gmail, limiter: ctx.limiter, threadId: record.id, query, options: ctx.query, candidates })
    : { addresses };
  const warnings = record.warnings.map((w) => ({ ...w, evidence }));
  return evidence.addresses === undefined ? { ...record, warnings, retry: true } : { ...record, warnings };
}
