import { readHit, searchInvitationHits, type Hit } from '../read-invitations.ts';
import { searchedFrom } from '../search-queries.ts';
import type { GmailContext } from './gmail-context.ts';
import type { Prepared } from './prepare.ts';
import type { InvitationHit } from './sync-model.ts';

// The invitation searches' hits kept from run to run. A message's content never changes, so a hit
// stays a hit until it is deleted or goes to spam or trash (apply-history.ts); new hits can only be
// among the mail that arrived, so the searches run again only when some did, and only as far back
// as the earliest of it. What they find that is known already is not fetched again.

export interface InvitationCoverage {
  since: Date;
  hits: InvitationHit[];
}

function searchFrom(prepared: Prepared, since: Date): Date | undefined {
  const covered = prepared.previous?.invitations;
  if (prepared.mode === 'full' || covered === undefined || since < covered.since) return since;
  const from = prepared.arrivalsFrom;
  if (from === undefined) return undefined;
  return from === 'unknown' || from < since ? since : from;
}

/** The hits since `since`: those kept, those the searches find now, and those Gmail failed on or
 *  gave unreadable last time, fetched again. */
export async function syncInvitationHits(ctx: GmailContext, prepared: Prepared, since: Date): Promise<InvitationCoverage> {
  const usable = prepared.mode === 'incremental' && prepared.previous?.invitations !== undefined;
  const known = new Map(usable ? prepared.hits : []);
  const from = searchFrom(prepared, since);
  const found: Hit[] = from === undefined ? [] : await searchInvitationHits(ctx.gmail, ctx.limiter, from);
  // Gmail's failures are tried again every run; a calendar that cannot be parsed stays as it is.
  const failed = (h: InvitationHit) => h.retry === true || h.warnings.some((w) => w.code.startsWith('gmail-'));
  const again = [...known.values()].filter(failed).map((h): Hit => ({ id: h.messageId, ...(h.threadId ? { threadId: h.threadId } : {}) }));
  const unread = (id: string) => !known.has(id) || failed(known.get(id)!);
  const fresh = [...new Map([...found, ...again].map((h) => [h.id, h])).values()].filter((h) => unread(h.id));
  const read = await Promise.all(fresh.map((hit) => readHit(ctx.gmail, ctx.limiter, hit, prepared.payloads.get(hit.id))));
  fresh.forEach((hit, n) => {
    const got = read[n];
    if (got === undefined) known.delete(hit.id);
    else known.set(hit.id, got);
  });
  const sinceMs = searchedFrom(since);
  const hits = [...known.values()].filter((h) => h.date === undefined || h.date.getTime() >= sinceMs);
  return { since, hits };
}
