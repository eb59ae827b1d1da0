import { compareText } from '../../core/compare-text.ts';
import type { PendingDraft, Thread } from '../../core/types.ts';
import type { MailboxContents } from '../../mailbox/port.ts';
import type { MailMatcher } from './mail-matcher.ts';
import { pendingOf, type ThreadRecord } from './thread-record.ts';

// What the read hands the engine, made the same way from the kept threads whether they were all
// read just now or mostly kept from the last run: the threads the matcher finds, the drafts it
// finds, every read failure — in one order (newest thread first, then by id), so nothing downstream
// can tell the two reads apart.

function newest(record: ThreadRecord): number {
  return record.messages.at(-1)?.date.getTime() ?? -Infinity;
}

function byNewest(a: ThreadRecord, b: ThreadRecord): number {
  return newest(b) - newest(a) || compareText(a.id, b.id);
}

/** Kept for the next run (and read now): it holds mail the searches find, or a read failure that
 *  searches still made (its keys). */
export function isKept(record: ThreadRecord, matcher: MailMatcher, keys: ReadonlySet<string>): boolean {
  if (record.messages.some((m) => matcher.finds(m)) || record.drafts.some((d) => matcher.finds(d.message))) return true;
  return record.warnings.length > 0 && (record.keys ?? []).some((k) => keys.has(k));
}

export function contentsOf(records: readonly ThreadRecord[], matcher: MailMatcher): MailboxContents {
  const ordered = [...records].sort(byNewest);
  const threads: Thread[] = ordered
    .filter((r) => r.messages.some((m) => matcher.finds(m)))
    .map((r) => ({ id: r.id, messages: r.messages }));
  const drafts = new Map<string, PendingDraft>();
  for (const entry of ordered.flatMap((r) => r.drafts)) {
    if (entry.draftId !== undefined && matcher.finds(entry.message)) drafts.set(entry.draftId, pendingOf({ ...entry, draftId: entry.draftId }));
  }
  return {
    threads,
    drafts: [...drafts.values()].sort((a, b) => compareText(a.id, b.id)),
    warnings: ordered.flatMap((r) => r.warnings),
  };
}
