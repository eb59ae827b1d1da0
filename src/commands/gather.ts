import { decide } from '../core/decide.ts';
import type { Decision, Ledger, Me, ReadingSummary, Warning } from '../core/types.ts';
import type { Config } from '../config/types.ts';
import { ConfigError } from '../errors.ts';
import type { MailboxContents, ReadProgress } from '../mailbox/port.ts';
import { queryForInterviews } from '../mailbox/query-for-interviews.ts';
import { findInterviews, type FoundInterviews } from './find-interviews.ts';
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

/** The same message unread by the invitation search and by the thread read is said once. */
function distinct(warnings: readonly Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\u0000${w.source ?? ''}\u0000${w.message}`;
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

const NOTHING: MailboxContents = { threads: [], drafts: [], warnings: [] };

/** The mbox/.eml readers count what they read; Gmail reads only what its searches find. */
function summary(contents: MailboxContents, invitationsRead: number): ReadingSummary | undefined {
  const stats = contents.stats;
  if (stats === undefined) return invitationsRead > 0 && contents === NOTHING ? { messagesRead: invitationsRead, messagesMatched: 0, sources: [] } : undefined;
  return { ...stats, messagesRead: Math.max(stats.messagesRead, invitationsRead) };
}

/** read → decide: the part `report` and `run` share. Interviews come from the config and from the
 *  invitations in the mail; then the mail about them is read, in the same run. */
export async function readAndDecide(args: ReadArgs & { ledger: Ledger }): Promise<{ decision: Decision; found: FoundInterviews }> {
  const { config, source } = args;
  const me = resolveMe(config, source);
  const found = await findInterviews({ config, source, me, now: args.now, ledger: args.ledger, onProgress: args.onProgress });
  const toRead = found.decideOn.filter((i) => i.cancelledAt === undefined);
  // No interviews, no mail to read: not a scan of a multi-GB mbox, not one Gmail request.
  const contents = toRead.length > 0 ? await source.mailbox.read(queryForInterviews(toRead), { onProgress: args.onProgress }) : NOTHING;
  const decision = decide({
    interviews: found.decideOn,
    threads: contents.threads,
    drafts: contents.drafts,
    readWarnings: distinct([...found.warnings, ...contents.warnings]),
    ledger: args.ledger,
    me,
    now: args.now,
    timezone: config.timezone,
    policy: config.policy,
    discardStale: args.discardStale ?? false,
  });
  const reading = summary(contents, found.messagesRead);
  const sync = source.sync?.summary();
  return { decision: { ...decision, listing: found.listing, ...(reading ? { reading } : {}), ...(sync ? { sync } : {}) }, found };
}
