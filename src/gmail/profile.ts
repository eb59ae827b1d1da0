import type { gmail_v1 } from '@googleapis/gmail';
import { GmailError } from '../errors.ts';
import type { GmailLimiter } from './limiter.ts';

/** Who the signed-in user is to Gmail: the account's address and every send-as alias. */
export interface GmailIdentity {
  email: string;
  /** Send-as addresses (the primary one included), lower-cased. */
  aliases: string[];
  /** The display name of the default send-as address, when set. */
  displayName?: string;
}

/** The signed-in account's address and the mailbox's current historyId (getProfile, 1 unit): names
 *  the mailbox in the ledger, is where an incremental sync resumes (docs/gmail.md §3), and is a
 *  cheap first call that surfaces an expired sign-in before any real work. */
export async function gmailProfile(gmail: gmail_v1.Gmail, limiter: GmailLimiter): Promise<{ email: string; historyId?: string }> {
  const { data } = await limiter.call('getProfile', () => gmail.users.getProfile({ userId: 'me' }));
  const email = data?.emailAddress;
  if (typeof email !== 'string' || !email.includes('@')) throw new GmailError('Gmail getProfile returned no email address.');
  const historyId = typeof data?.historyId === 'string' && /^\d{1,30}$/.test(data.historyId) ? data.historyId : undefined;
  return { email: email.toLowerCase(), ...(historyId ? { historyId } : {}) };
}

/** The account `email` and its send-as aliases (settings.sendAs.list, 1 unit, readable with
 *  gmail.readonly): all of them are mine, even when me.emails omits them. A refused alias list
 *  leaves the account alone. */
export async function sendAsIdentity(gmail: gmail_v1.Gmail, limiter: GmailLimiter, email: string): Promise<GmailIdentity> {
  let sendAs: gmail_v1.Schema$SendAs[] = [];
  try {
    const { data } = await limiter.call('settings.sendAs.list', () => gmail.users.settings.sendAs.list({ userId: 'me' }));
    sendAs = Array.isArray(data?.sendAs) ? data.sendAs : [];
  } catch (error) {
    if (!(error instanceof GmailError && (error.status === 403 || error.status === 404))) throw error;
  }
  const aliases = sendAs
    .map((s) => (typeof s?.sendAsEmail === 'string' ? s.sendAsEmail.trim().toLowerCase() : ''))
    .filter((a) => a.includes('@'));
  const preferred = sendAs.find((s) => s?.isDefault) ?? sendAs.find((s) => s?.isPrimary);
  const displayName = typeof preferred?.displayName === 'string' && preferred.displayName.trim() !== '' ? preferred.displayName.trim() : undefined;
  return { email, aliases: [...new Set([email, ...aliases])], ...(displayName ? { displayName } : {}) };
}
