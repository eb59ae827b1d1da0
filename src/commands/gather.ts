import { decide } from '../core/decide.ts';
import type { Decision, Ledger, PendingDraft } from '../core/types.ts';
import type { Config } from '../config/types.ts';
import type { Mailbox, ReadProgress } from '../mailbox/port.ts';
import { queryForInterviews } from '../mailbox/query-for-interviews.ts';

/** read → decide: the part `report` and `run` share. */
export async function readAndDecide(args: {
  config: Config;
  mailbox: Mailbox;
  ledger: Ledger;
  /** Drafts waiting outside the mailbox (the .eml drafts folder). */
  extraDrafts?: readonly PendingDraft[];
  now: Date;
  onProgress?: (p: ReadProgress) => void;
}): Promise<Decision> {
  const { config } = args;
  const contents = await args.mailbox.read(queryForInterviews(config.interviews), { onProgress: args.onProgress });
  const decision = decide({
    interviews: config.interviews,
    threads: contents.threads,
    drafts: [...contents.drafts, ...(args.extraDrafts ?? [])],
    ledger: args.ledger,
    me: config.me,
    now: args.now,
    timezone: config.timezone,
    policy: config.policy,
  });
  return { ...decision, warnings: [...contents.warnings, ...decision.warnings] };
}
