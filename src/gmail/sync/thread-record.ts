import type { gmail_v1 } from '@googleapis/gmail';
import type { Message, PendingDraft, Warning } from '../../core/types.ts';
import { contentHashOf } from '../../draft-mark/content-hash.ts';
import { IGNORED_LABELS } from '../../mailbox/gmail-labels.ts';
import { parseGmailMessage, type ParsedGmailMessage } from '../parse-message.ts';

// One Gmail thread as the sync state keeps it: what the engine and the matcher read of it, nothing
// more. The engine reads at most the first 20,000 characters of a message's text (core/quoted-text.ts,
// core/company-name.ts, core/named-date.ts, core/classify-reply.ts), so the text is cut there and a
// cached thread gives the engine exactly what a fresh read would. No attachments, no HTML.

export const ENGINE_TEXT_CHARS = 20_000;

/** A draft in the thread: its message (for the matcher) and what the engine needs of it. */
export interface DraftEntry {
  message: Message;
  /** Known once drafts.list (or drafts.create) has named it; the engine needs it for a PendingDraft. */
  draftId?: string;
  actionKey?: string;
  /** Of the whole draft as read (src/draft-mark/content-hash.ts), before the text was cut. */
  contentHash: string;
}

export interface ThreadRecord {
  id: string;
  /** The conversation: messages that are not drafts, spam, trash or chat, oldest first. */
  messages: Message[];
  drafts: DraftEntry[];
  /** What this read of it could not read, with the evidence of whom it may concern. */
  warnings: Warning[];
  /** Gmail failed on it this time: read it again next run (so is any thread with read failures). */
  retry?: boolean;
  /** The owners keys whose searches (or matcher) found it: whom its read failures may concern. */
  keys?: string[];
}

export function cutText(message: Message): Message {
  return message.text.length <= ENGINE_TEXT_CHARS ? message : { ...message, text: message.text.slice(0, ENGINE_TEXT_CHARS) };
}

export function draftEntryOf(parsed: ParsedGmailMessage, draftId?: string): DraftEntry {
  const { message, actionKey } = parsed;
  return {
    message: cutText(message),
    ...(draftId === undefined ? {} : { draftId }),
    ...(actionKey === undefined ? {} : { actionKey }),
    contentHash: contentHashOf(message),
  };
}

/** The waiting draft as the engine sees it, from the kept parts. */
export function pendingOf(entry: DraftEntry & { draftId: string }): PendingDraft {
  const { threadId, to, cc, subject } = entry.message;
  return { id: entry.draftId, threadId, to, cc, subject, ...(entry.actionKey === undefined ? {} : { actionKey: entry.actionKey }), contentHash: entry.contentHash };
}

/** threads.get (format full) → the record: drafts apart, spam, trash and chat left out, a message
 *  that cannot be read a warning. */
export async function recordOfMessages(threadId: string, messages: gmail_v1.Schema$Message[]): Promise<ThreadRecord> {
  const record: ThreadRecord = { id: threadId, messages: [], drafts: [], warnings: [] };
  for (const raw of messages) {
    const labels = Array.isArray(raw?.labelIds) ? raw.labelIds : [];
    if (labels.some((l) => IGNORED_LABELS.has(l))) continue;
    const outcome = await parseGmailMessage(raw);
    if (!outcome.ok) record.warnings.push(outcome.warning);
    else if (labels.includes('DRAFT')) record.drafts.push(draftEntryOf(outcome.value));
    else record.messages.push(cutText(outcome.value.message));
  }
  record.messages.sort((a, b) => a.date.getTime() - b.date.getTime());
  return record;
}

/** Every message id the record holds (conversation and drafts). */
export function messageIdsOf(record: ThreadRecord): string[] {
  return [...record.messages.map((m) => m.id), ...record.drafts.map((d) => d.message.id)];
}

/** The record with its drafts named from `ids` (message id → draft id) where not named yet: a
 *  draft's message id belongs to one draft for good (an edit makes a new message). */
export function withDraftIds(record: ThreadRecord, ids: ReadonlyMap<string, string>): ThreadRecord {
  if (!record.drafts.some((d) => d.draftId === undefined && ids.has(d.message.id))) return record;
  return { ...record, drafts: record.drafts.map((d) => (d.draftId === undefined && ids.has(d.message.id) ? { ...d, draftId: ids.get(d.message.id)! } : d)) };
}

/** A thread read again keeps the draft ids already known. */
export function withKnownDraftIds(fresh: ThreadRecord, old: ThreadRecord | undefined): ThreadRecord {
  return withDraftIds(fresh, new Map((old?.drafts ?? []).flatMap((d) => (d.draftId ? [[d.message.id, d.draftId] as const] : []))));
}
