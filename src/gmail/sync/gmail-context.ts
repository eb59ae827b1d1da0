import type { gmail_v1 } from '@googleapis/gmail';
import type { GmailLimiter } from '../limiter.ts';
import type { QueryOptions } from '../search-queries.ts';

/** What every Gmail read of a run shares: the client, the one limiter (the quota is per user). */
export interface GmailContext {
  gmail: gmail_v1.Gmail;
  limiter: GmailLimiter;
  pageSize: number;
  query: QueryOptions;
}
