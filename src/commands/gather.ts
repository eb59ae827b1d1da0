import { decide } from '../core/decide.ts';
import type { Decision, Ledger } from '../core/types.ts';
import type { Config } from '../config/types.ts';
import type { ReadProgress } from '../mailbox/port.ts';
import { queryForInterviews } from '../mailbox/query-for-interviews.ts';
import type { Source } from './source.ts';

/** What `report` and `run` both take. */
export interface ReadArgs {
  config: Config;
  source: Source;
  now: Date;
  onProgress?: (p: ReadProgress) => void;
}

/** read → decide: the part `report` and `run` share. */
export async function readAndDecide(args: ReadArgs & { ledger: Ledger }): Promise<Decision> {
  const { config, source } = args;
  // No interviews, no mail to read: not a scan of a multi-GB mbox, not one Gmail request.
  const contents = config.interviews.length > 0
    ? await source.mailbox.read(queryForInterviews(config.interviews), { onProgress: args.onProgress })
    : { threads: [], drafts: [], warnings: [] };
  const extraDrafts = await source.extraDrafts();
  const decision = decide({
    interviews: config.interviews,
    threads: contents.threads,
    drafts: [...contents.drafts, ...extraDrafts],
    ledger: args.ledger,
    me: config.me,
    now: args.now,
    timezone: config.timezone,
    policy: config.policy,
  });
  return { ...decision, warnings: [...contents.warnings, ...decision.warnings] };
}
