import type { ListedInterview } from '../core/discovery/types.ts';
import type { Warning } from '../core/types.ts';
import { UsageError } from '../errors.ts';
import { readLedger } from '../state/ledger.ts';
import { findInterviews } from './find-interviews.ts';
import { resolveMe, type ReadArgs } from './gather.ts';

// `followup interviews`: every interview configured or found in the mail's invitations, with its
// source, confidence, reason and evidence. Read-only, like `report`; `add` and `ignore` then write
// the user's choice into the config.

export interface InterviewListing {
  now: Date;
  listing: ListedInterview[];
  warnings: Warning[];
}

export async function listInterviews(args: Omit<ReadArgs, 'discardStale'> & { stateDir: string }): Promise<InterviewListing> {
  const { config, source } = args;
  const ledger = source.mailboxId ? await readLedger({ dir: args.stateDir, mailboxId: source.mailboxId }) : { version: 1 as const, entries: [] };
  const me = resolveMe(config, source);
  const found = await findInterviews({ config, source, me, now: args.now, ledger, onProgress: args.onProgress });
  return { now: args.now, listing: found.listing, warnings: found.warnings };
}

/** The found interviews to add: those named (by id or invitation UID), or every suggested one. */
export function chooseToAdd(listing: readonly ListedInterview[], wanted: { ids: readonly string[]; allSuggested: boolean }): ListedInterview[] {
  const found = listing.filter((l) => l.source === 'invitation');
  if (wanted.allSuggested) return found.filter((l) => l.confidence === 'suggested' && l.status === 'active');
  if (wanted.ids.length === 0) throw new UsageError('name the interviews to add (ids from `followup interviews`), or pass --all-suggested');
  return wanted.ids.map((id) => {
    const match = found.find((l) => l.interview.id === id || l.interview.invite === id);
    if (match) return match;
    const configured = listing.find((l) => l.interview.id === id);
    throw new UsageError(configured
      ? `${id} is already in your config`
      : `no interview found in your mail has the id ${JSON.stringify(id)}; \`followup interviews\` lists them`);
  });
}
