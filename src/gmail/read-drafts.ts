import type { gmail_v1 } from '@googleapis/gmail';
import { ACTION_KEY_HEADER } from '../draft-mark/marker-header.ts';
import { GmailError } from '../errors.ts';
import type { GmailLimiter } from './limiter.ts';
import { parseGmailMessage, type ParseOutcome } from './parse-message.ts';
import { MAX_PAGE_SIZE, pageToken, readAllPages } from './read-threads.ts';

export interface DraftRef {
  draftId: string;
  /** The draft's current message; it changes every time the draft is edited. */
  messageId: string;
  threadId?: string;
}

const METADATA_HEADERS = ['From', 'To', 'Cc', 'Subject', 'Date', ACTION_KEY_HEADER];

function toRef(draft: gmail_v1.Schema$Draft | null | undefined): DraftRef | undefined {
  const draftId = draft?.id;
  const messageId = draft?.message?.id;
  if (typeof draftId !== 'string' || typeof messageId !== 'string') return undefined;
  const threadId = draft?.message?.threadId;
  return typeof threadId === 'string' ? { draftId, messageId, threadId } : { draftId, messageId };
}

/** Drafts as bare ids (drafts.list gives only ids, 5 units a page of 500); all of them, or those
 *  matching a search query. */
export function listDrafts(gmail: gmail_v1.Gmail, limiter: GmailLimiter, pageSize = MAX_PAGE_SIZE, q?: string): Promise<DraftRef[]> {
  return readAllPages(async (token) => {
    const { data } = await limiter.call('drafts.list', () =>
      gmail.users.drafts.list({ userId: 'me', maxResults: pageSize, ...(q ? { q } : {}), ...(token ? { pageToken: token } : {}) }),
    );
    const record: unknown = data;
    if (typeof record !== 'object' || record === null || (data.drafts !== undefined && !Array.isArray(data.drafts))) {
      throw new GmailError('Gmail drafts.list returned a page that is not a draft list.');
    }
    const refs = (data.drafts ?? []).map(toRef).filter((r): r is DraftRef => r !== undefined);
    const next = pageToken(record as Record<string, unknown>);
    return next === undefined ? { items: refs } : { items: refs, nextPageToken: next };
  });
}

/** One draft, or 'gone' when Gmail no longer has it (the user sent or deleted it). */
export async function getDraft(
  gmail: gmail_v1.Gmail,
  limiter: GmailLimiter,
  draftId: string,
  format: 'metadata' | 'full',
): Promise<ParseOutcome | 'gone'> {
  try {
    const { data } = await limiter.call('drafts.get', () =>
      gmail.users.drafts.get({ userId: 'me', id: draftId, format, ...(format === 'metadata' ? { metadataHeaders: METADATA_HEADERS } : {}) }),
    );
    return await parseGmailMessage(data?.message ?? {});
  } catch (error) {
    if (error instanceof GmailError && error.status === 404) return 'gone';
    throw error;
  }
}
