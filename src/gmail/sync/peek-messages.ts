import type { gmail_v1 } from '@googleapis/gmail';
import type { Message } from '../../core/types.ts';
import { GmailError } from '../../errors.ts';
import type { GmailLimiter } from '../limiter.ts';
import { parseGmailMessage } from '../parse-message.ts';
import type { MessageChange } from './history.ts';

// A new message in a thread the last run did not keep: its headers only (messages.get,
// format=metadata, 5 units), enough for the matcher to say whether the searches would find it.

const HEADERS = ['From', 'To', 'Cc', 'Subject', 'Date'];

export interface Peek {
  id: string;
  threadId: string;
  /** Its headers, labels and date; absent when Gmail would not give them (then its thread is read). */
  message?: Message;
  /** Deleted since: nothing to look at. */
  gone?: boolean;
}

async function peekOne(gmail: gmail_v1.Gmail, limiter: GmailLimiter, change: MessageChange): Promise<Peek> {
  const base = { id: change.id, threadId: change.threadId };
  let raw: gmail_v1.Schema$Message;
  try {
    ({ data: raw } = await limiter.call('messages.get', () =>
      gmail.users.messages.get({ userId: 'me', id: change.id, format: 'metadata', metadataHeaders: HEADERS }),
    ));
  } catch (error) {
    if (!(error instanceof GmailError)) throw error;
    return error.status === 404 ? { ...base, gone: true } : base;
  }
  const parsed = await parseGmailMessage(raw);
  return parsed.ok ? { ...base, message: parsed.value.message } : base;
}

export function peekMessages(gmail: gmail_v1.Gmail, limiter: GmailLimiter, changes: readonly MessageChange[]): Promise<Peek[]> {
  return Promise.all(changes.map((change) => peekOne(gmail, limiter, change)));
}
