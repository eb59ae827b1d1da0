import { DAY_MS } from '../core/calendar.ts';
import { discoverInterviews } from '../core/discovery/discover.ts';
import { mergeWithConfig } from '../core/discovery/merge-with-config.ts';
import type { Discovery, ListedInterview } from '../core/discovery/types.ts';
import type { Interview, Ledger, Me, Warning } from '../core/types.ts';
import type { Config } from '../config/types.ts';
import type { ReadProgress } from '../mailbox/port.ts';
import { queryForInterviews } from '../mailbox/query-for-interviews.ts';
import type { Source } from './source.ts';

/** The interviews to decide on: the configured ones and those found in the mail's invitations. */
export interface FoundInterviews {
  /** Every interview, configured or found, as `followup interviews` lists them. */
  listing: ListedInterview[];
  /** What the engine decides on (configured, found with confidence, found and cancelled). */
  decideOn: Interview[];
  discovery: Discovery;
  /** Invitations that could not be read. */
  warnings: Warning[];
  /** Messages looked at for invitations (0 when discovery is off). */
  messagesRead: number;
}

/** Reads the invitations since `discovery.days` before `now` (unless discovery is off) and merges
 *  the interviews they show with the configured ones; ids once given come from the ledger. */
export async function findInterviews(args: {
  config: Config;
  source: Source;
  me: Me;
  now: Date;
  ledger: Ledger;
  onProgress?: (p: ReadProgress) => void;
}): Promise<FoundInterviews> {
  const { config, me } = args;
  const settings = config.discovery;
  if (settings.mode === 'off') {
    const discovery: Discovery = { found: [], skipped: [] };
    return { ...mergeWithConfig({ configured: config.interviews, discovery, timezone: config.timezone }), discovery, warnings: [], messagesRead: 0 };
  }
  const since = new Date(args.now.getTime() - settings.days * DAY_MS);
  const expect = config.interviews.length > 0 ? queryForInterviews(config.interviews) : undefined;
  const read = await args.source.mailbox.readInvitations(since, { onProgress: args.onProgress, mine: me.emails, ...(expect ? { expect } : {}) });
  // Invitations sent after `now` have not arrived yet, as seen from then.
  const invitations = read.invitations.filter((i) => i.message.date <= args.now);
  const knownIds = new Map(Object.entries(args.ledger.interviewIds ?? {}));
  const discovery = discoverInterviews({ invitations, me, settings, timezone: config.timezone, knownIds });
  const merged = mergeWithConfig({ configured: config.interviews, discovery, timezone: config.timezone });
  return { ...merged, discovery, warnings: read.warnings, messagesRead: read.messagesRead };
}

/** The ids given to found interviews, to remember in the ledger (UID → id). */
export function idsToRemember(found: FoundInterviews): Map<string, string> {
  return new Map(found.discovery.found.flatMap((f) => (f.interview.invite ? [[f.interview.invite, f.interview.id] as const] : [])));
}
