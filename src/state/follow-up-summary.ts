// What the last successful run decided, small enough for `followup status` to show without reading
// any mail: per interview its id, company, status and the next dates. No address, subject or body.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';
import type { Decision } from '../core/types.ts';

export const SUMMARY_FILE = 'next-follow-ups.json';

const interviewSchema = z.object({
  id: z.string(),
  company: z.string(),
  status: z.string(),
  checkInDueAt: z.string().optional(),
  /** The earliest deadline of a thank-you still owed (due or not yet due). */
  thankYouDueBy: z.string().optional(),
  /** The follow-ups planned for it, and where each draft stands (created, exists, dismissed, …). */
  drafts: z.array(z.object({ kind: z.string(), draft: z.string() })),
});

const summarySchema = z.object({
  version: z.literal(1),
  /** The instant the run judged the mailbox at (its --now, or the clock). */
  asOf: z.string(),
  source: z.enum(['gmail', 'mbox']).optional(),
  interviews: z.array(interviewSchema),
});

export type FollowUpSummary = z.infer<typeof summarySchema>;

function earliestThankYou(interviewers: Decision['interviews'][number]['interviewers']): string | undefined {
  const owed = interviewers
    .filter((i) => i.thankYou.status === 'due' || i.thankYou.status === 'not-yet-due')
    .map((i) => i.thankYou.dueBy.getTime());
  return owed.length === 0 ? undefined : new Date(Math.min(...owed)).toISOString();
}

/** Reads only the stable fields of a Decision (interview id and company, status, checkInDueAt,
 *  thank-you status and dueBy, action kind and draft state). */
export function summarizeDecision(decision: Decision, source?: 'gmail' | 'mbox'): FollowUpSummary {
  return {
    version: 1,
    asOf: decision.now.toISOString(),
    ...(source ? { source } : {}),
    interviews: decision.interviews.map((state) => {
      const thankYouDueBy = earliestThankYou(state.interviewers);
      return {
        id: state.interview.id,
        company: state.interview.company,
        status: state.status,
        ...(state.checkInDueAt ? { checkInDueAt: state.checkInDueAt.toISOString() } : {}),
        ...(thankYouDueBy ? { thankYouDueBy } : {}),
        drafts: state.actions.map((a) => ({ kind: a.kind, draft: a.draft })),
      };
    }),
  };
}

export async function saveFollowUpSummary(dir: string, summary: FollowUpSummary): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(join(dir, SUMMARY_FILE), `${JSON.stringify(summary, null, 2)}\n`, { mode: 0o600 });
}

/** The last summary, or undefined when there is none or it cannot be read (status only shows it). */
export async function readFollowUpSummary(dir: string): Promise<FollowUpSummary | undefined> {
  try {
    const parsed = summarySchema.safeParse(JSON.parse(await readFile(join(dir, SUMMARY_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
