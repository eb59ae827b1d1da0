import { GmailError } from '../../errors.ts';
import { getDraft } from '../read-drafts.ts';
import { withDraft } from './draft-entries.ts';
import type { GmailContext } from './gmail-context.ts';
import { draftEntryOf, type ThreadRecord } from './thread-record.ts';

/** A draft `run` made (drafts.create's answer). */
export interface CreatedDraft {
  draftId: string;
  messageId?: string;
  threadId?: string;
}

/** The drafts this run made, read back (drafts.get, format full, 5 units each) into their threads'
 *  records as a later read would see them: the next run then finds them known, and their history
 *  entries are no news. One Gmail will not give is left to the next run's history. */
export async function recordOwnDrafts(ctx: GmailContext, records: Map<string, ThreadRecord>, created: readonly CreatedDraft[]): Promise<void> {
  const readBack = (draftId: string) =>
    getDraft(ctx.gmail, ctx.limiter, draftId, 'full').catch((error: unknown) => {
      if (error instanceof GmailError) return 'gone' as const;
      throw error;
    });
  const outcomes = await Promise.all(created.map((d) => readBack(d.draftId)));
  outcomes.forEach((outcome, n) => {
    if (outcome === 'gone' || !outcome.ok) return;
    withDraft(records, outcome.value.message.threadId, draftEntryOf(outcome.value, created[n]!.draftId), []);
  });
}
