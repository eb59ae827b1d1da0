import type { gmail_v1 } from '@googleapis/gmail';
import { compareText } from '../core/compare-text.ts';
import type { Invitation, InvitationMessage } from '../core/invitation.ts';
import type { Message } from '../core/types.ts';
import type { Warning, WarningEvidence } from '../core/warnings.ts';
import { GmailError } from '../errors.ts';
import { calendarPartsOfGmailPayload, calendarTextOfGmailAttachment, type GmailCalendarAttachment } from '../invitations/gmail-calendar-parts.ts';
import { invitationMessageOf, invitationsOf } from '../invitations/message-invitations.ts';
import { MAX_CALENDAR_BYTES } from '../invitations/calendar-limits.ts';
import type { InvitationsRead } from '../mailbox/port.ts';
import type { GmailLimiter } from './limiter.ts';
import { ADDRESS_HEADERS, addressesInHeaders } from './header-addresses.ts';
import { internalDateOf, parseGmailMessage } from './parse-message.ts';
import { epochSeconds, searchedFrom } from './search-queries.ts';
import { readAllPages, pageToken, MAX_PAGE_SIZE } from './read-threads.ts';
import type { InvitationHit } from './sync/sync-model.ts';

// Finding invitations without scanning the mailbox (docs/gmail.md §10): two searches since a date,
// then each hit fetched once (or taken from a thread read of the same run) (messages.get, format full) and only its calendar part read — inline
// when Gmail hands it over in the message, else the one attachment (messages.attachments.get).
//
// - `filename:ics` finds invitations that carry an .ics attachment: Google Calendar (invite.ics),
//   Zoom, and most applicant-tracking and scheduling tools.
// - The words search finds those with only an inline text/calendar part (Outlook/Exchange, Teams)
//   by their subject words (Invitation:, Updated invitation:, Canceled event:, interview…) or the
//   text Teams and Zoom put in the body. An Outlook invitation with none of these words in its
//   subject or body is missed: add that interview to the config.

/** Drafts are left out: a draft is never an invitation received (and the tool's own would be found). */
export function invitationQueries(since: Date): string[] {
  const after = ` after:${epochSeconds(since)} -in:drafts`;
  const words = [
    'subject:invitation', 'subject:"updated invitation"', 'subject:"canceled event"', 'subject:"cancelled event"',
    'subject:interview', 'subject:"meeting request"', '"microsoft teams meeting"', '"join zoom meeting"', 'filename:vcs',
  ];
  return [`filename:ics${after}`, `{${words.join(' ')}}${after}`];
}

export interface Hit {
  id: string;
  threadId?: string;
}

function listMessages(gmail: gmail_v1.Gmail, limiter: GmailLimiter, q: string): Promise<Hit[]> {
  return readAllPages(async (token) => {
    const { data } = await limiter.call('messages.list', () =>
      gmail.users.messages.list({ userId: 'me', q, maxResults: MAX_PAGE_SIZE, ...(token ? { pageToken: token } : {}) }),
    );
    if (typeof data !== 'object' || data === null || (data.messages !== undefined && !Array.isArray(data.messages))) {
      throw new GmailError('Gmail messages.list returned a page that is not a message list.');
    }
    const hits = (data.messages ?? []).flatMap((m): Hit[] => {
      if (typeof m?.id !== 'string' || m.id === '') return [];
      return [typeof m.threadId === 'string' ? { id: m.id, threadId: m.threadId } : { id: m.id }];
    });
    const next = pageToken(data as Record<string, unknown>);
    return next === undefined ? { items: hits } : { items: hits, nextPageToken: next };
  });
}

function invitationMessage(message: Message, raw: gmail_v1.Schema$Message): InvitationMessage {
  const [senderEmail] = addressesInHeaders((raw.payload?.headers ?? []).filter((h) => h.name?.toLowerCase() === 'sender'));
  return invitationMessageOf(message, senderEmail ? { email: senderEmail } : undefined);
}

async function attachmentText(gmail: gmail_v1.Gmail, limiter: GmailLimiter, messageId: string, attachment: GmailCalendarAttachment): Promise<string | undefined> {
  if ((attachment.size ?? 0) > MAX_CALENDAR_BYTES) return undefined;
  const { data } = await limiter.call('messages.attachments.get', () =>
    gmail.users.messages.attachments.get({ userId: 'me', messageId, id: attachment.attachmentId }),
  );
  return typeof data?.data === 'string' ? calendarTextOfGmailAttachment(data.data, attachment) : undefined;
}

/** What an unread hit may concern: the addresses its headers name (when Gmail gives those) and its
 *  thread (the interviews whose mail that thread holds). */
async function evidenceOf(gmail: gmail_v1.Gmail, limiter: GmailLimiter, hit: Hit): Promise<WarningEvidence> {
  const threadIds = hit.threadId ? [hit.threadId] : [];
  try {
    const { data } = await limiter.call('messages.get', () =>
      gmail.users.messages.get({ userId: 'me', id: hit.id, format: 'metadata', metadataHeaders: ADDRESS_HEADERS }),
    );
    return { addresses: addressesInHeaders(data?.payload?.headers ?? []), threadIds };
  } catch (error) {
    if (error instanceof GmailError) return { threadIds };
    throw error;
  }
}

async function fetchFull(gmail: gmail_v1.Gmail, limiter: GmailLimiter, hit: Hit): Promise<gmail_v1.Schema$Message | InvitationHit> {
  try {
    const { data } = await limiter.call('messages.get', () => gmail.users.messages.get({ userId: 'me', id: hit.id, format: 'full' }));
    return data;
  } catch (error) {
    if (!(error instanceof GmailError)) throw error;
    const evidence = await evidenceOf(gmail, limiter, hit);
    const warning: Warning = { code: 'gmail-message-failed', message: error.message, source: `gmail message ${hit.id}`, evidence };
    return { messageId: hit.id, ...(hit.threadId ? { threadId: hit.threadId } : {}), labels: [], invitations: [], warnings: [warning], retry: true };
  }
}

/** One hit: its calendar parts, parsed — from `preloaded` (the message as a thread read gave it)
 *  when there is one, else fetched (messages.get, format full). A message Gmail will not give is a
 *  read failure, tried again next time; a draft is no hit (undefined). */
export async function readHit(gmail: gmail_v1.Gmail, limiter: GmailLimiter, hit: Hit, preloaded?: gmail_v1.Schema$Message): Promise<InvitationHit | undefined> {
  const fetched = preloaded ?? (await fetchFull(gmail, limiter, hit));
  if ('messageId' in fetched) return fetched;
  const raw = fetched;
  const labels = (Array.isArray(raw.labelIds) ? raw.labelIds : []).filter((l): l is string => typeof l === 'string');
  if (labels.includes('DRAFT')) return undefined;
  const date = internalDateOf(raw);
  const base = { messageId: hit.id, ...(hit.threadId ? { threadId: hit.threadId } : {}), ...(date ? { date } : {}), labels };
  const parsed = await parseGmailMessage(raw);
  if (!parsed.ok) return { ...base, invitations: [], warnings: [{ ...parsed.warning, evidence: await evidenceOf(gmail, limiter, hit) }] };
  const message = invitationMessage(parsed.value.message, raw);
  const parts = calendarPartsOfGmailPayload(raw.payload ?? {});
  // Google Calendar sends the same calendar inline and as invite.ics: the inline one suffices.
  const texts = [...parts.texts];
  if (texts.length === 0) {
    for (const attachment of parts.attachments.slice(0, 3)) {
      const text = await attachmentText(gmail, limiter, hit.id, attachment);
      if (text !== undefined) texts.push(text);
    }
  }
  const found = await invitationsOf(texts, message, `gmail message ${hit.id}`);
  return { ...base, date: message.date, ...found };
}

/** The messages both invitation searches find since `since`, each once. */
export async function searchInvitationHits(gmail: gmail_v1.Gmail, limiter: GmailLimiter, since: Date): Promise<Hit[]> {
  const pages = await Promise.all(invitationQueries(since).map((q) => listMessages(gmail, limiter, q)));
  return [...new Map(pages.flat().map((h) => [h.id, h])).values()];
}

/** Hits since `since` as the searches' after: sees them (to the second), newest first: what the
 *  discovery gets, whichever way the hits were gathered. */
export function invitationsOfHits(hits: readonly InvitationHit[], since: Date): InvitationsRead {
  const sinceMs = searchedFrom(since);
  const kept = hits
    .filter((h) => h.date === undefined || h.date.getTime() >= sinceMs)
    .sort((a, b) => (b.date?.getTime() ?? -1) - (a.date?.getTime() ?? -1) || compareText(a.messageId, b.messageId));
  const invitations: Invitation[] = kept.flatMap((h) => h.invitations);
  const warnings: Warning[] = kept.flatMap((h) => h.warnings);
  return { invitations, warnings, messagesRead: kept.length };
}
