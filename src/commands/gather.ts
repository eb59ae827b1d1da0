import { decide } from '../core/decide.ts';
import type { Decision, Ledger, Me } from '../core/types.ts';
import type { Config } from '../config/types.ts';
import { ConfigError } from '../errors.ts';
import type { ReadProgress } from '../mailbox/port.ts';
import { queryForInterviews } from '../mailbox/query-for-interviews.ts';
import type { Source } from './source.ts';

/** What `report` and `run` both take. */
export interface ReadArgs {
  config: Config;
  source: Source;
  now: Date;
  /** --discard-stale: the plan deletes the tool's own stale drafts nobody edited. */
  discardStale?: boolean;
  onProgress?: (p: ReadProgress) => void;
}

/** Me as the config says, plus the addresses the mailbox itself knows are mine (Gmail's account
 *  and send-as aliases), config first. */
export function resolveMe(config: Config, source: Source): Me {
  const emails = [...new Set([...config.me.emails, ...source.myAddresses.map((e) => e.toLowerCase())])];
  if (emails.length === 0) {
    throw new ConfigError(['me.emails: missing (required with --mbox: the addresses you send from, so your own mail is told apart)'], config.file);
  }
  const name = config.me.name ?? source.myName ?? emails[0]!.split('@')[0]!;
  return { ...config.me, name, emails };
}

/** read → decide: the part `report` and `run` share. */
export async function readAndDecide(args: ReadArgs & { ledger: Ledger }): Promise<Decision> {
  const { config, source } = args;
  const me = resolveMe(config, source);
  // No interviews, no mail to read: not a scan of a multi-GB mbox, not one Gmail request.
  const contents = config.interviews.length > 0
    ? await source.mailbox.read(queryForInterviews(config.interviews), { onProgress: args.onProgress })
    : { threads: [], drafts: [], warnings: [] };
  return decide({
    interviews: config.interviews,
    threads: contents.threads,
    drafts: contents.drafts,
    readWarnings: contents.warnings,
    ledger: args.ledger,
    me,
    now: args.now,
    timezone: config.timezone,
    policy: config.policy,
    discardStale: args.discardStale ?? false,
  });
}
