import type { gmail_v1 } from '@googleapis/gmail';
import { GmailError } from '../errors.ts';
import type { GmailLimiter } from './limiter.ts';

/** The signed-in account's address (getProfile, 1 unit): names the mailbox in the ledger, and a
 *  cheap first call that surfaces an expired sign-in before any real work. */
export async function gmailAccount(gmail: gmail_v1.Gmail, limiter: GmailLimiter): Promise<string> {
  const { data } = await limiter.call('getProfile', () => gmail.users.getProfile({ userId: 'me' }));
  const email = data?.emailAddress;
  if (typeof email !== 'string' || !email.includes('@')) throw new GmailError('Gmail getProfile returned no email address.');
  return email.toLowerCase();
}
