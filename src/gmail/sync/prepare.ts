import type { gmail_v1 } from '@googleapis/gmail';
import { GmailError } from '../../errors.ts';
import type { ReadProgress } from '../../mailbox/port.ts';
import { internalDateOf } from '../parse-message.ts';
import { gmailProfile } from '../profile.ts';
import { applyHistory } from './apply-history.ts';
import type { GmailContext } from './gmail-context.ts';
import { readHistory } from './history.ts';
import { peekMessages, type Peek } from './peek-messages.ts';
import { readThreads } from './read-records.ts';
import type { InvitationHit, SyncState } from './sync-model.ts';
import { withKnownDraftIds, type ThreadRecord } from './thread-record.ts';

// The start of a run's read, before it knows which interviews there are (the invitations may find
// some): with a usable state, what changed since — the history applied, the changed threads read
// again, the headers of new mail elsewhere — else a full read from the historyId getProfile gave.

export interface SyncStart {
  /** The state the last run saved (decoded); absent: read in full. */
  previous?: SyncState;
  /** Why there is no usable state, when there is none. */
  fullReason?: string;
  /** getProfile's historyId, read before any search or list (docs/gmail.md §3). */
  profileHistoryId?: string;
  /** Nothing will be kept for a next run: no historyId is needed. */
  stateless?: boolean;
}

export interface Prepared {
  mode: 'full' | 'incremental';
  reason?: string;
  /** What the next run starts its history from. */
  historyId: string;
  /** The state read on from (incremental only). */
  previous?: SyncState;
  records: Map<string, ThreadRecord>;
  hits: Map<string, InvitationHit>;
  /** New mail in threads not kept: its headers. */
  peeks: Peek[];
  /** The earliest date of mail that arrived (or came back from spam or trash), 'unknown' when a
   *  date could not be learnt; absent when none did: the invitation searches look no further back. */
  arrivalsFrom?: Date | 'unknown';
  /** Gmail's messages (format full) of those arrivals that were read with their threads. */
  payloads: Map<string, gmail_v1.Schema$Message>;
  /** Threads read this run: their read failures get evidence once the interviews are known. */
  fresh: Set<string>;
  /** Too much new mail outside the kept threads to look at one by one: why every search runs. */
  searchAll?: string;
}

/** messages.get (5 units) for each new message outside the kept threads, up to this many. */
const MAX_PEEKS = 100;

async function full(ctx: GmailContext, start: SyncStart, reason: string): Promise<Prepared> {
  const historyId = start.profileHistoryId ?? (start.stateless ? '0' : (await gmailProfile(ctx.gmail, ctx.limiter)).historyId);
  if (historyId === undefined) throw new GmailError('Gmail getProfile returned no historyId.');
  return { mode: 'full', reason, historyId, records: new Map(), hits: new Map(), peeks: [], payloads: new Map(), fresh: new Set() };
}

function earliest(dates: (Date | 'unknown')[]): Date | 'unknown' | undefined {
  if (dates.includes('unknown')) return 'unknown';
  const ms = (dates as Date[]).map((d) => d.getTime());
  return ms.length === 0 ? undefined : new Date(Math.min(...ms));
}

/** Never an invitation hit: the searches leave drafts out, Gmail leaves spam and trash out. */
const NOT_HITS = new Set(['DRAFT', 'SPAM', 'TRASH']);

/** The date of each arrival that may be an invitation hit, from its thread read again or its
 *  headers; 'unknown' when neither came. */
function arrivalDates(arrivals: ReadonlySet<string>, prepared: Prepared): (Date | 'unknown')[] {
  const peeked = new Map(prepared.peeks.map((p) => [p.id, p]));
  return [...arrivals].flatMap((id): (Date | 'unknown')[] => {
    const peek = peeked.get(id);
    const labels = peek?.message?.labels ?? prepared.payloads.get(id)?.labelIds ?? [];
    if (peek?.gone || labels.some((l) => NOT_HITS.has(l))) return [];
    if (peek?.message) return [peek.message.date];
    const payload = prepared.payloads.get(id);
    return [(payload && internalDateOf(payload)) ?? 'unknown'];
  });
}

export async function prepare(ctx: GmailContext, start: SyncStart, onProgress?: (p: ReadProgress) => void): Promise<Prepared> {
  const previous = start.previous;
  if (previous === undefined) return full(ctx, start, start.fullReason ?? 'no sync state yet');
  const history = await readHistory(ctx.gmail, ctx.limiter, previous.historyId);
  if (!history.ok) return full(ctx, start, 'Gmail no longer has the history since the last run');
  const applied = applyHistory(previous.threads, previous.invitations?.hits ?? [], history.changes);
  const dirty = [...applied.dirty];
  // Past this much new mail elsewhere, searching again costs less than looking at each message.
  const many = applied.unknown.length > MAX_PEEKS;
  const [peeks, reads] = await Promise.all([
    many ? [] : peekMessages(ctx.gmail, ctx.limiter, applied.unknown),
    readThreads(ctx, dirty, onProgress, (id) => applied.arrivals.has(id)),
  ]);
  const prepared: Prepared = {
    mode: 'incremental', historyId: history.historyId, previous, records: applied.records, hits: applied.hits,
    peeks, payloads: new Map(), fresh: new Set(dirty), ...(many ? { searchAll: `${applied.unknown.length} new messages elsewhere: every search ran again` } : {}),
  };
  reads.forEach(({ record, raw }, n) => {
    const old = applied.records.get(dirty[n]!);
    const named = withKnownDraftIds(record, old);
    prepared.records.set(record.id, old?.keys === undefined ? named : { ...named, keys: old.keys });
    for (const message of raw) prepared.payloads.set(message.id!, message);
  });
  const arrivalsFrom = many ? 'unknown' : earliest(arrivalDates(applied.arrivals, prepared));
  return arrivalsFrom === undefined ? prepared : { ...prepared, arrivalsFrom };
}
