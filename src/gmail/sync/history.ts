import type { gmail_v1 } from '@googleapis/gmail';
import { GmailError } from '../../errors.ts';
import type { GmailLimiter } from '../limiter.ts';
import { MAX_PAGE_SIZE, pageToken } from '../read-threads.ts';

// What changed in the mailbox since a historyId (docs/gmail.md §3): users.history.list, every page,
// folded into one net change per message. The history's messages carry only id and threadId as
// documented (labels may be missing), so nothing here relies on more.

export type LabelOp = 'add' | 'remove';

export interface MessageChange {
  id: string;
  threadId: string;
  added: boolean;
  /** Gone at the end of the span (deleted after any addition). */
  deleted: boolean;
  /** The last add or remove of each label, in history order. */
  labels: Map<string, LabelOp>;
}

export type HistoryRead =
  | { ok: true; historyId: string; changes: MessageChange[] }
  | { ok: false; reason: 'expired' };

const TYPES = ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved'];
const MAX_PAGES = 1000;

function changeOf(changes: Map<string, MessageChange>, message: gmail_v1.Schema$Message | undefined): MessageChange | undefined {
  const id = message?.id;
  const threadId = message?.threadId;
  if (typeof id !== 'string' || id === '' || typeof threadId !== 'string') return undefined;
  let change = changes.get(id);
  if (change === undefined) changes.set(id, (change = { id, threadId, added: false, deleted: false, labels: new Map() }));
  return change;
}

function fold(changes: Map<string, MessageChange>, record: gmail_v1.Schema$History): void {
  for (const { message } of record.messagesAdded ?? []) {
    const change = changeOf(changes, message ?? undefined);
    if (change) change.added = true;
  }
  for (const [entries, op] of [[record.labelsAdded, 'add'], [record.labelsRemoved, 'remove']] as const) {
    for (const entry of entries ?? []) {
      const change = changeOf(changes, entry.message ?? undefined);
      for (const label of entry.labelIds ?? []) if (change && typeof label === 'string') change.labels.set(label, op);
    }
  }
  for (const { message } of record.messagesDeleted ?? []) {
    const change = changeOf(changes, message ?? undefined);
    if (change) change.deleted = true;
  }
}

async function page(gmail: gmail_v1.Gmail, limiter: GmailLimiter, startHistoryId: string, token: string | undefined): Promise<gmail_v1.Schema$ListHistoryResponse> {
  const { data } = await limiter.call('history.list', () =>
    gmail.users.history.list({ userId: 'me', startHistoryId, historyTypes: TYPES, maxResults: MAX_PAGE_SIZE, ...(token ? { pageToken: token } : {}) }),
  );
  if (typeof data !== 'object' || data === null || (data.history !== undefined && !Array.isArray(data.history))) {
    throw new GmailError('Gmail history.list returned a page that is not a history list.');
  }
  return data;
}

/** Every change since `startHistoryId`; 404 means Gmail no longer has that history (docs/gmail.md
 *  §3: usually a week, sometimes only hours): read everything again. The historyId to keep is the
 *  one of the page without a nextPageToken. */
export async function readHistory(gmail: gmail_v1.Gmail, limiter: GmailLimiter, startHistoryId: string): Promise<HistoryRead> {
  const changes = new Map<string, MessageChange>();
  let token: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    let data: gmail_v1.Schema$ListHistoryResponse;
    try {
      data = await page(gmail, limiter, startHistoryId, token);
    } catch (error) {
      if (error instanceof GmailError && error.status === 404) return { ok: false, reason: 'expired' };
      throw error;
    }
    for (const record of data.history ?? []) fold(changes, record);
    token = pageToken(data as Record<string, unknown>);
    if (token === undefined) {
      if (typeof data.historyId !== 'string' || !/^\d{1,30}$/.test(data.historyId)) throw new GmailError('Gmail history.list returned no historyId.');
      return { ok: true, historyId: data.historyId, changes: [...changes.values()] };
    }
  }
  throw new GmailError('Gmail history.list kept returning more pages.');
}
