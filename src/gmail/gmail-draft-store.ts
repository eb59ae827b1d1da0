import type { gmail_v1 } from '@googleapis/gmail';
import { contentHashOf } from '../draft-mark/content-hash.ts';
import { GmailError } from '../errors.ts';
import type { ComposedDraft, DraftStore } from '../mailbox/port.ts';
import { createGmailLimiter, type GmailLimiter } from './limiter.ts';
import { getDraft, listDrafts, type DraftRef } from './read-drafts.ts';

export interface GmailDraftStoreOptions {
  /** Share the mailbox's limiter: the quota is per user. */
  limiter?: GmailLimiter;
  /** Told of each draft made (the sync state records them: src/gmail/sync/own-drafts.ts). */
  onCreated?: (draft: { draftId: string; messageId?: string; threadId?: string }) => void;
}

/** Drafts in Gmail. Creates and (for --discard-stale) deletes only its own drafts; never sends,
 *  never updates: a draft the user touched is theirs. */
export function gmailDraftStore(gmail: gmail_v1.Gmail, options: GmailDraftStoreOptions = {}): DraftStore {
  const limiter = options.limiter ?? createGmailLimiter();
  // Keyed by the draft's message id, which changes whenever the draft is edited.
  const keys = new Map<string, string | undefined>();

  async function actionKeyOf(ref: DraftRef): Promise<string | undefined> {
    if (keys.has(ref.messageId)) return keys.get(ref.messageId);
    const outcome = await getDraft(gmail, limiter, ref.draftId, 'metadata');
    const key = outcome !== 'gone' && outcome.ok ? outcome.value.actionKey : undefined;
    keys.set(ref.messageId, key);
    return key;
  }

  async function findByActionKey(actionKey: string, threadId?: string): Promise<string | undefined> {
    const refs = await listDrafts(gmail, limiter);
    // A reply draft lands in its thread (the threading headers are ours); a new thread's draft can be anywhere.
    const candidates = threadId === undefined ? refs : refs.filter((r) => r.threadId === threadId);
    for (const ref of candidates) {
      if ((await actionKeyOf(ref)) === actionKey) return ref.draftId;
    }
    return undefined;
  }

  // drafts.create is a POST: gaxios never retries it, and a blind retry after a timeout could leave
  // two drafts (docs/gmail.md §1). So every retry first looks for the draft the failed attempt made.
  async function create(draft: ComposedDraft): Promise<{ draftId: string }> {
    const message = { raw: draft.raw.toString('base64url'), ...(draft.threadId ? { threadId: draft.threadId } : {}) };
    const made = await limiter.retry('drafts.create', async (attempt) => {
      if (attempt > 1) {
        const existing = await findByActionKey(draft.actionKey, draft.threadId);
        if (existing !== undefined) return { draftId: existing };
      }
      const { data } = await limiter.once('drafts.create', () =>
        gmail.users.drafts.create({ userId: 'me', requestBody: { message } }),
      );
      if (typeof data?.id !== 'string' || data.id === '') throw new GmailError('Gmail drafts.create returned no draft id.');
      const { id: messageId, threadId } = data.message ?? {};
      return { draftId: data.id, ...(typeof messageId === 'string' ? { messageId } : {}), ...(typeof threadId === 'string' ? { threadId } : {}) };
    });
    options.onCreated?.(made);
    return { draftId: made.draftId };
  }

  // Read again just before deleting: the draft must still carry our mark and be exactly as made.
  async function discard(draftId: string, expectedHash: string): Promise<boolean> {
    const outcome = await getDraft(gmail, limiter, draftId, 'full');
    if (outcome === 'gone') return true;
    if (!outcome.ok || outcome.value.actionKey === undefined) {
      throw new GmailError(`Refusing to delete Gmail draft ${draftId}: it does not carry this tool's mark.`);
    }
    if (contentHashOf(outcome.value.message) !== expectedHash) return false;
    try {
      await limiter.call('drafts.delete', () => gmail.users.drafts.delete({ userId: 'me', id: draftId }));
    } catch (error) {
      if (!(error instanceof GmailError && error.status === 404)) throw error;
    }
    return true;
  }

  return { create, discard };
}
