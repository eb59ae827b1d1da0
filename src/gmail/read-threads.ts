import type { gmail_v1 } from '@googleapis/gmail';
import type { Warning } from '../core/types.ts';
import { GmailError } from '../errors.ts';
import type { GmailLimiter } from './limiter.ts';
import { recordOfMessages, type ThreadRecord } from './sync/thread-record.ts';

/** Gmail's largest page for threads.list and drafts.list. */
export const MAX_PAGE_SIZE = 500;
const MAX_PAGES = 1000;

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

/** Follows nextPageToken until the last page; a token seen twice ends the loop. */
export async function readAllPages<T>(fetchPage: (pageToken: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(token);
    items.push(...result.items);
    token = result.nextPageToken;
    if (token === undefined || seen.has(token)) break;
    seen.add(token);
  }
  return items;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function pageToken(data: Record<string, unknown>): string | undefined {
  const token = data.nextPageToken;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** Every thread id matching `q`, page by page. A page Gmail garbles fails the read: a search with
 *  holes in it would make answered mail look unanswered. */
export function listThreadIds(gmail: gmail_v1.Gmail, limiter: GmailLimiter, q: string, pageSize = MAX_PAGE_SIZE): Promise<string[]> {
  return readAllPages(async (token) => {
    const { data } = await limiter.call('threads.list', () =>
      gmail.users.threads.list({ userId: 'me', q, maxResults: pageSize, ...(token ? { pageToken: token } : {}) }),
    );
    const record: unknown = data;
    if (!isRecord(record) || (record.threads !== undefined && !Array.isArray(record.threads))) {
      throw new GmailError('Gmail threads.list returned a page that is not a thread list.');
    }
    const ids = (data.threads ?? []).map((t) => t?.id).filter((id): id is string => typeof id === 'string' && id !== '');
    const next = pageToken(record);
    return next === undefined ? { items: ids } : { items: ids, nextPageToken: next };
  });
}

/** A thread as read: its record, and those of Gmail's messages asked to be kept as they came (for
 *  the invitation reader, which then takes their calendar parts from them instead of fetching them
 *  again). The rest is dropped at once: a full read holds thousands of threads. */
export interface ThreadRead {
  record: ThreadRecord;
  raw: gmail_v1.Schema$Message[];
}

/** One thread (format full), converted at once. A thread Gmail cannot give us is a Warning, and is
 *  read again next time. */
export async function readThread(gmail: gmail_v1.Gmail, limiter: GmailLimiter, threadId: string, keepRaw: (messageId: string) => boolean = () => false): Promise<ThreadRead> {
  const source = `gmail thread ${threadId}`;
  const failed = (warning: Warning): ThreadRead => ({ record: { id: threadId, messages: [], drafts: [], warnings: [warning], retry: true }, raw: [] });
  let data: unknown;
  try {
    ({ data } = await limiter.call('threads.get', () => gmail.users.threads.get({ userId: 'me', id: threadId, format: 'full' })));
  } catch (error) {
    if (!(error instanceof GmailError)) throw error;
    return failed({ code: 'gmail-thread-failed', message: error.message, source });
  }
  if (!isRecord(data) || !Array.isArray(data.messages)) {
    return failed({ code: 'gmail-thread-unreadable', message: 'Gmail returned a thread that cannot be read; skipped.', source });
  }
  const messages = data.messages as gmail_v1.Schema$Message[];
  const raw = messages.filter((m) => typeof m?.id === 'string' && keepRaw(m.id));
  return { record: await recordOfMessages(threadId, messages), raw };
}
