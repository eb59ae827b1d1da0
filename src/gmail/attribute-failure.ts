import type { gmail_v1 } from '@googleapis/gmail';
import type { WarningEvidence } from '../core/warnings.ts';
import { GmailError } from '../errors.ts';
import type { MailboxQuery } from '../mailbox/port.ts';
import { ADDRESS_HEADERS, addressesInHeaders } from './header-addresses.ts';
import type { GmailLimiter } from './limiter.ts';
import { listThreadIds } from './read-threads.ts';
import { buildSearches, type QueryOptions } from './search-queries.ts';

// A thread Gmail would not give us may concern any interview whose search found it. Searches pack
// several interviews into one query, so that alone would hold back unrelated interviews. First ask
// for the thread's headers only (a failure in format=full often spares metadata); failing that,
// ask each candidate interview's own searches whether they find the thread. Only on failures.

async function headerAddresses(gmail: gmail_v1.Gmail, limiter: GmailLimiter, threadId: string): Promise<string[] | undefined> {
  try {
    const { data } = await limiter.call('threads.get', () =>
      gmail.users.threads.get({ userId: 'me', id: threadId, format: 'metadata', metadataHeaders: ADDRESS_HEADERS }),
    );
    const addresses = addressesInHeaders((data?.messages ?? []).flatMap((m) => m?.payload?.headers ?? []));
    return addresses.length > 0 ? addresses : undefined;
  } catch (error) {
    if (error instanceof GmailError) return undefined;
    throw error;
  }
}

/** The part of the query that is one interview's: its addresses, domains and company name. */
function queryOf(query: MailboxQuery, interviewId: string): MailboxQuery {
  const mine = (values: readonly string[]) => values.filter((v) => query.owners?.[v.trim().toLowerCase()]?.includes(interviewId));
  return { addresses: mine(query.addresses), domains: mine(query.domains), companies: mine(query.companies), since: query.since };
}

async function findsThread(args: { gmail: gmail_v1.Gmail; limiter: GmailLimiter; query: MailboxQuery; options: QueryOptions; threadId: string }): Promise<boolean> {
  for (const search of buildSearches(args.query, args.options)) {
    const ids = await listThreadIds(args.gmail, args.limiter, search.q);
    if (ids.includes(args.threadId)) return true;
  }
  return false;
}

/** What an unread thread may concern, as narrowly as Gmail lets us know. */
export async function attributeUnreadThread(args: {
  gmail: gmail_v1.Gmail;
  limiter: GmailLimiter;
  threadId: string;
  query: MailboxQuery;
  options: QueryOptions;
  candidates: readonly string[];
}): Promise<WarningEvidence> {
  const { candidates } = args;
  const addresses = await headerAddresses(args.gmail, args.limiter, args.threadId);
  if (addresses) return { addresses };
  if (candidates.length <= 1) return { interviewIds: [...candidates] };
  const kept: string[] = [];
  for (const id of candidates) {
    if (await findsThread({ ...args, query: queryOf(args.query, id) })) kept.push(id);
  }
  return { interviewIds: kept.length > 0 ? kept : [...candidates] };
}
