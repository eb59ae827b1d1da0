// The mailbox behind the test Gmail server: messages from raw RFC 5322, threads, drafts (messages
// labelled DRAFT, filed into a thread only when Gmail's threading rules hold) and a history log.
import { simpleParser, type AddressObject } from 'mailparser';
import { gmailPayload, headerValue, type GmailPart } from './gmail-server-mime.ts';
import type { SearchDoc } from './gmail-server-query.ts';

export interface StoredMessage {
  id: string;
  threadId: string;
  raw: Buffer;
  labelIds: string[];
  internalDate: number;
  historyId: number;
  payload: GmailPart;
  snippet: string;
  doc: SearchDoc;
  messageId?: string;
  /** In-Reply-To and References ids. */
  parents: string[];
  subject: string;
}

/** A message as history records name it: Gmail documents only id and threadId as filled in. */
export interface HistoryMessage {
  id: string;
  threadId: string;
}

/** One change, shaped like Gmail's History resource
 *  (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.history/list). */
export interface HistoryRecord {
  id: number;
  messages: HistoryMessage[];
  messagesAdded?: { message: HistoryMessage }[];
  messagesDeleted?: { message: HistoryMessage }[];
  labelsAdded?: { message: HistoryMessage; labelIds: string[] }[];
  labelsRemoved?: { message: HistoryMessage; labelIds: string[] }[];
}

export interface AddOptions {
  labels?: string[];
  threadId?: string;
  internalDate?: Date;
}

type Addr = { name: string; email: string };

function addressesOf(field: AddressObject | AddressObject[] | undefined): Addr[] {
  const out: Addr[] = [];
  for (const object of field === undefined ? [] : [field].flat()) {
    for (const a of object.value) {
      for (const m of a.group ?? [a]) if (m.address) out.push({ name: m.name ?? '', email: m.address.toLowerCase() });
    }
  }
  return out;
}

/** Subjects compared the way Gmail threads: without Re:/Fwd: prefixes, case and spacing. */
export function subjectKey(subject: string): string {
  return subject.replace(/^\s*((re|fwd?|aw|sv)\s*:\s*)+/i, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

function filenames(part: GmailPart): string[] {
  return [...(part.filename !== '' ? [part.filename.toLowerCase()] : []), ...(part.parts ?? []).flatMap(filenames)];
}

export class MailboxStore {
  readonly messages = new Map<string, StoredMessage>();
  /** Thread id → message ids, oldest first. */
  readonly threads = new Map<string, string[]>();
  /** Draft id → message id. */
  readonly drafts = new Map<string, string>();
  readonly history: HistoryRecord[] = [];
  historyId = 1000;
  /** A startHistoryId below this is too old (404): history before it has expired. */
  historyFloor = 0;
  #next = 0x19a0000000;
  #nextDraft = 1;
  readonly userEmail: string;
  readonly now: () => number;
  /** Send-as aliases besides the account's own address (settings.sendAs). */
  readonly aliases: { sendAsEmail: string; displayName?: string; isDefault?: boolean }[] = [];
  /** The display name of the account's own send-as entry. */
  displayName: string | undefined;

  constructor(userEmail: string, now: () => number) {
    this.userEmail = userEmail.toLowerCase();
    this.now = now;
  }

  #newId(): string {
    this.#next += 0x1f3;
    return `${this.#next.toString(16)}${'0'.repeat(6)}`.slice(0, 16);
  }

  async #build(raw: Buffer, id: string, labels: string[] | undefined, date: Date | undefined): Promise<StoredMessage> {
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
    const payload = gmailPayload(raw);
    const from = addressesOf(parsed.from);
    const text = typeof parsed.text === 'string' ? parsed.text : '';
    const refs = parsed.references === undefined ? [] : [parsed.references].flat();
    const internalDate = date?.getTime() ?? parsed.date?.getTime() ?? this.now();
    const labelIds = labels ?? (from[0]?.email === this.userEmail ? ['SENT'] : ['INBOX', 'UNREAD']);
    const subject = parsed.subject ?? '';
    return {
      id,
      threadId: '',
      raw,
      labelIds,
      internalDate,
      historyId: 0,
      payload,
      snippet: text.replace(/\s+/g, ' ').trim().slice(0, 200),
      doc: {
        from,
        to: addressesOf(parsed.to),
        cc: addressesOf(parsed.cc),
        bcc: addressesOf(parsed.bcc),
        subject,
        text,
        labels: labelIds,
        date: internalDate,
        ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
        hasAttachment: filenames(payload).length > 0,
        filenames: filenames(payload),
      },
      ...(parsed.messageId ? { messageId: parsed.messageId } : {}),
      parents: [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...refs],
      subject,
    };
  }

  /** The thread a message joins: one holding a message it replies to, with the same subject. */
  #threadFor(message: StoredMessage, requested: string | undefined, strict: boolean): string | undefined {
    const matches = (threadId: string): boolean =>
      (this.threads.get(threadId) ?? []).some((mid) => {
        const other = this.messages.get(mid)!;
        return other.messageId !== undefined && message.parents.includes(other.messageId) && subjectKey(other.subject) === subjectKey(message.subject);
      });
    if (requested !== undefined) return !strict || matches(requested) ? requested : undefined;
    if (strict) return undefined;
    return [...this.threads.keys()].find(matches);
  }

  #file(message: StoredMessage, threadId: string | undefined): StoredMessage {
    message.threadId = threadId ?? message.id;
    message.historyId = ++this.historyId;
    this.messages.set(message.id, message);
    const list = this.threads.get(message.threadId) ?? [];
    list.push(message.id);
    list.sort((a, b) => this.messages.get(a)!.internalDate - this.messages.get(b)!.internalDate);
    this.threads.set(message.threadId, list);
    const ref = { id: message.id, threadId: message.threadId };
    this.history.push({ id: message.historyId, messages: [ref], messagesAdded: [{ message: ref }] });
    return message;
  }

  #unfile(messageId: string): StoredMessage | undefined {
    const message = this.messages.get(messageId);
    if (message === undefined) return undefined;
    this.messages.delete(messageId);
    const list = (this.threads.get(message.threadId) ?? []).filter((m) => m !== messageId);
    if (list.length === 0) this.threads.delete(message.threadId);
    else this.threads.set(message.threadId, list);
    const ref = { id: message.id, threadId: message.threadId };
    this.history.push({ id: ++this.historyId, messages: [ref], messagesDeleted: [{ message: ref }] });
    return message;
  }

  /** The user (or a filter) labels a message: into or out of SPAM or TRASH, read, starred … */
  modifyLabels(messageId: string, change: { add?: string[]; remove?: string[] }): StoredMessage {
    const message = this.messages.get(messageId);
    if (message === undefined) throw new Error(`no message ${messageId}`);
    const added = (change.add ?? []).filter((l) => !message.labelIds.includes(l));
    const removed = (change.remove ?? []).filter((l) => message.labelIds.includes(l));
    if (added.length + removed.length === 0) return message;
    message.labelIds = [...message.labelIds.filter((l) => !removed.includes(l)), ...added];
    message.doc.labels = message.labelIds;
    const ref = { id: message.id, threadId: message.threadId };
    this.history.push({
      id: ++this.historyId,
      messages: [ref],
      ...(added.length > 0 ? { labelsAdded: [{ message: ref, labelIds: added }] } : {}),
      ...(removed.length > 0 ? { labelsRemoved: [{ message: ref, labelIds: removed }] } : {}),
    });
    return message;
  }

  /** The user deletes a message for good (emptied from the trash). */
  deleteMessage(messageId: string): void {
    const draftId = this.draftIdOf(messageId);
    if (draftId !== undefined) this.drafts.delete(draftId);
    if (this.#unfile(messageId) === undefined) throw new Error(`no message ${messageId}`);
  }

  /** Gmail keeps history for a week, sometimes only hours: every id handed out so far is now too old. */
  expireHistory(): void {
    this.history.length = 0;
    this.historyFloor = ++this.historyId;
  }

  /** A received or sent message. Given threadId wins; else it joins the thread it replies to. */
  async addMessage(raw: Buffer, options: AddOptions = {}): Promise<StoredMessage> {
    const message = await this.#build(raw, this.#newId(), options.labels, options.internalDate);
    const threadId = options.threadId ?? this.#threadFor(message, undefined, false);
    return this.#file(message, threadId);
  }

  /** drafts.create: filed into `threadId` only when it replies to a message there with the same subject. */
  async createDraft(raw: Buffer, threadId: string | undefined): Promise<{ draftId: string; message: StoredMessage }> {
    const message = await this.#build(raw, this.#newId(), ['DRAFT'], new Date(this.now()));
    const draftId = `r${(7_000_000_000_000 + this.#nextDraft++ * 7919).toString()}`;
    this.#file(message, this.#threadFor(message, threadId, true));
    this.drafts.set(draftId, message.id);
    return { draftId, message };
  }

  /** The user edits a draft: same draft id, a new message (and maybe a new thread if the subject changed). */
  async replaceDraft(draftId: string, raw: Buffer): Promise<StoredMessage> {
    const old = this.#draftMessage(draftId);
    const message = await this.#build(raw, this.#newId(), ['DRAFT'], new Date(this.now()));
    this.#unfile(old.id);
    this.#file(message, this.#threadFor(message, old.threadId, true));
    this.drafts.set(draftId, message.id);
    return message;
  }

  deleteDraft(draftId: string): boolean {
    const messageId = this.drafts.get(draftId);
    if (messageId === undefined) return false;
    this.drafts.delete(draftId);
    this.#unfile(messageId);
    return true;
  }

  /** The user sends a draft: the draft is gone and a SENT message takes its place in the thread. */
  async sendDraft(draftId: string, at?: Date): Promise<StoredMessage> {
    const old = this.#draftMessage(draftId);
    this.deleteDraft(draftId);
    const message = await this.#build(old.raw, this.#newId(), ['SENT'], at ?? new Date(this.now()));
    return this.#file(message, old.threadId);
  }

  #draftMessage(draftId: string): StoredMessage {
    const messageId = this.drafts.get(draftId);
    const message = messageId === undefined ? undefined : this.messages.get(messageId);
    if (message === undefined) throw new Error(`no draft ${draftId}`);
    return message;
  }

  draftIdOf(messageId: string): string | undefined {
    for (const [draftId, mid] of this.drafts) if (mid === messageId) return draftId;
    return undefined;
  }

  header(message: StoredMessage, name: string): string | undefined {
    return headerValue(message.payload.headers, name.toLowerCase());
  }
}
