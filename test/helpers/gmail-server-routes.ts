// Gmail API v1 handlers over the MailboxStore: JSON shaped like Gmail's (bare list items,
// resultSizeEstimate, no list key when empty, ids as strings, internalDate in epoch ms).
import { gmailAttachmentData, type GmailHeader, type GmailPart } from './gmail-server-mime.ts';
import { checkQuery, matchesQuery, parseQuery, QuerySyntaxError, type QueryNode } from './gmail-server-query.ts';
import type { HistoryRecord, MailboxStore, StoredMessage } from './gmail-server-store.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly reason: string;
  constructor(status: number, reason: string, message: string) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

export interface RouteContext {
  store: MailboxStore;
  params: URLSearchParams;
  ids: string[];
  body: unknown;
  maxPageSize: number;
  mangle: Map<string, (json: Record<string, unknown>) => unknown>;
  /** Search results by query and mailbox version, so paging does not search again. */
  cache: Map<string, unknown[]>;
}

export type Handler = (ctx: RouteContext) => Promise<{ status: number; json?: unknown }> | { status: number; json?: unknown };

const notFound = (): HttpError => new HttpError(404, 'notFound', 'Requested entity was not found.');

function query(ctx: RouteContext): QueryNode | undefined {
  const q = ctx.params.get('q');
  if (!q) return undefined;
  try {
    const node = parseQuery(q);
    checkQuery(node);
    return node;
  } catch (error) {
    if (error instanceof QuerySyntaxError) throw new HttpError(400, 'invalidArgument', `Invalid query: ${error.message}`);
    throw error;
  }
}

function page<T>(ctx: RouteContext, items: T[]): { items: T[]; nextPageToken?: string } {
  const max = Math.min(Number(ctx.params.get('maxResults') ?? 100) || 100, 500, ctx.maxPageSize);
  const token = ctx.params.get('pageToken');
  let offset = 0;
  if (token) {
    offset = Number(/^o(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString())?.[1] ?? NaN);
    if (!Number.isInteger(offset)) throw new HttpError(400, 'invalidArgument', 'Invalid pageToken');
  }
  const slice = items.slice(offset, offset + max);
  const next = offset + max < items.length ? Buffer.from(`o${offset + max}`).toString('base64url') : undefined;
  return next === undefined ? { items: slice } : { items: slice, nextPageToken: next };
}

function listBody(key: string, all: unknown[], paged: { items: unknown[]; nextPageToken?: string }): Record<string, unknown> {
  return {
    ...(paged.items.length > 0 ? { [key]: paged.items } : {}),
    ...(paged.nextPageToken ? { nextPageToken: paged.nextPageToken } : {}),
    resultSizeEstimate: all.length,
  };
}

function metadataPart(part: GmailPart, names: string[]): Record<string, unknown> {
  const wanted = names.map((n) => n.toLowerCase());
  const headers = wanted.length === 0 ? part.headers : part.headers.filter((h: GmailHeader) => wanted.includes(h.name.toLowerCase()));
  return { partId: part.partId, mimeType: part.mimeType, filename: part.filename, headers, body: { size: 0 } };
}

export function messageJson(ctx: RouteContext, m: StoredMessage, format: string): unknown {
  const json: Record<string, unknown> = {
    id: m.id,
    threadId: m.threadId,
    labelIds: m.labelIds,
    snippet: m.snippet,
    historyId: String(m.historyId),
    internalDate: String(m.internalDate),
    sizeEstimate: m.raw.length,
  };
  if (format === 'full') json.payload = m.payload;
  else if (format === 'metadata') json.payload = metadataPart(m.payload, ctx.params.getAll('metadataHeaders'));
  else if (format === 'raw') json.raw = m.raw.toString('base64url');
  const mangle = ctx.mangle.get(m.id);
  return mangle ? mangle(structuredClone(json)) : json;
}

function format(ctx: RouteContext, allowed: string[]): string {
  const value = ctx.params.get('format') ?? 'full';
  if (!allowed.includes(value)) throw new HttpError(400, 'invalidArgument', `Invalid format: ${value}`);
  return value;
}

function visible(ctx: RouteContext, m: StoredMessage): boolean {
  return ctx.params.get('includeSpamTrash') === 'true' || !m.labelIds.some((l) => l === 'SPAM' || l === 'TRASH');
}

function threadMessages(ctx: RouteContext, threadId: string): StoredMessage[] {
  return (ctx.store.threads.get(threadId) ?? []).map((id) => ctx.store.messages.get(id)!);
}

function matching(ctx: RouteContext, messages: StoredMessage[]): StoredMessage[] {
  const node = query(ctx);
  const labels = ctx.params.getAll('labelIds');
  const now = ctx.store.now();
  return messages.filter(
    (m) => visible(ctx, m) && (node === undefined || matchesQuery(node, m.doc, now)) && labels.every((l) => m.labelIds.includes(l)),
  );
}

const newestFirst = (a: StoredMessage, b: StoredMessage): number => b.internalDate - a.internalDate;

function cached(ctx: RouteContext, api: string, search: () => unknown[]): unknown[] {
  const p = ctx.params;
  const key = [api, ctx.store.historyId, p.get('q'), p.getAll('labelIds').join(','), p.get('includeSpamTrash')].join('\u0000');
  let all = ctx.cache.get(key);
  if (all === undefined) ctx.cache.set(key, (all = search()));
  return all;
}

const threadsList: Handler = (ctx) => {
  const all = cached(ctx, 'threads', () => {
    const ids = new Set(matching(ctx, [...ctx.store.messages.values()]).map((m) => m.threadId));
    const latest = [...ids].map((id) => threadMessages(ctx, id).filter((m) => visible(ctx, m)).sort(newestFirst)[0]!);
    return latest.sort(newestFirst).map((m) => ({ id: m.threadId, snippet: m.snippet, historyId: String(m.historyId) }));
  });
  return { status: 200, json: listBody('threads', all, page(ctx, all)) };
};

const threadsGet: Handler = (ctx) => {
  const messages = threadMessages(ctx, ctx.ids[0]!);
  if (messages.length === 0) throw notFound();
  const f = format(ctx, ['full', 'metadata', 'minimal']);
  const historyId = String(Math.max(...messages.map((m) => m.historyId)));
  return { status: 200, json: { id: ctx.ids[0], historyId, messages: messages.map((m) => messageJson(ctx, m, f)) } };
};

const messagesList: Handler = (ctx) => {
  const all = cached(ctx, 'messages', () =>
    matching(ctx, [...ctx.store.messages.values()]).sort(newestFirst).map((m) => ({ id: m.id, threadId: m.threadId })),
  );
  return { status: 200, json: listBody('messages', all, page(ctx, all)) };
};

const messagesGet: Handler = (ctx) => {
  const m = ctx.store.messages.get(ctx.ids[0]!);
  if (m === undefined) throw notFound();
  return { status: 200, json: messageJson(ctx, m, format(ctx, ['full', 'metadata', 'minimal', 'raw'])) };
};

const attachmentsGet: Handler = (ctx) => {
  const m = ctx.store.messages.get(ctx.ids[0]!);
  const data = m && gmailAttachmentData(m.raw).get(ctx.ids[2]!);
  if (data === undefined) throw notFound();
  return { status: 200, json: { attachmentId: ctx.ids[2], size: Buffer.from(data, 'base64url').length, data } };
};

function draftMessages(ctx: RouteContext): StoredMessage[] {
  return [...ctx.store.drafts.values()].map((id) => ctx.store.messages.get(id)!);
}

const draftsList: Handler = (ctx) => {
  const all = matching(ctx, draftMessages(ctx))
    .sort(newestFirst)
    .map((m) => ({ id: ctx.store.draftIdOf(m.id)!, message: { id: m.id, threadId: m.threadId } }));
  return { status: 200, json: listBody('drafts', all, page(ctx, all)) };
};

const draftsGet: Handler = (ctx) => {
  const messageId = ctx.store.drafts.get(ctx.ids[0]!);
  if (messageId === undefined) throw notFound();
  const m = ctx.store.messages.get(messageId)!;
  return { status: 200, json: { id: ctx.ids[0], message: messageJson(ctx, m, format(ctx, ['full', 'metadata', 'minimal', 'raw'])) } };
};

const draftsCreate: Handler = async (ctx) => {
  const message = (ctx.body as { message?: { raw?: unknown; threadId?: unknown } } | undefined)?.message;
  if (typeof message?.raw !== 'string' || message.raw === '') throw new HttpError(400, 'invalidArgument', 'Missing draft message');
  const threadId = typeof message.threadId === 'string' && message.threadId !== '' ? message.threadId : undefined;
  if (threadId !== undefined && !ctx.store.threads.has(threadId)) throw notFound();
  const { draftId, message: m } = await ctx.store.createDraft(Buffer.from(message.raw, 'base64url'), threadId);
  return { status: 200, json: { id: draftId, message: { id: m.id, threadId: m.threadId, labelIds: m.labelIds } } };
};

const draftsDelete: Handler = (ctx) => {
  if (!ctx.store.deleteDraft(ctx.ids[0]!)) throw notFound();
  return { status: 204 };
};

const profile: Handler = (ctx) => ({
  status: 200,
  json: {
    emailAddress: ctx.store.userEmail,
    messagesTotal: ctx.store.messages.size,
    threadsTotal: ctx.store.threads.size,
    historyId: String(ctx.store.historyId),
  },
});

const sendAsList: Handler = (ctx) => ({
  status: 200,
  json: {
    sendAs: [
      { sendAsEmail: ctx.store.userEmail, isPrimary: true, isDefault: ctx.store.aliases.every((a) => !a.isDefault), ...(ctx.store.displayName ? { displayName: ctx.store.displayName } : {}) },
      ...ctx.store.aliases,
    ],
  },
});

const SYSTEM_LABELS = ['INBOX', 'SENT', 'DRAFT', 'SPAM', 'TRASH', 'UNREAD', 'STARRED', 'IMPORTANT', 'CHAT', 'CATEGORY_PERSONAL', 'CATEGORY_SOCIAL', 'CATEGORY_PROMOTIONS', 'CATEGORY_UPDATES', 'CATEGORY_FORUMS'];

const labelsList: Handler = (ctx) => {
  const user = new Set([...ctx.store.messages.values()].flatMap((m) => m.labelIds).filter((l) => !SYSTEM_LABELS.includes(l)));
  const labels = [
    ...SYSTEM_LABELS.map((id) => ({ id, name: id, type: 'system' })),
    ...[...user].map((id) => ({ id, name: id, type: 'user' })),
  ];
  return { status: 200, json: { labels } };
};

const HISTORY_TYPES: Record<string, keyof HistoryRecord> = {
  messageAdded: 'messagesAdded',
  messageDeleted: 'messagesDeleted',
  labelAdded: 'labelsAdded',
  labelRemoved: 'labelsRemoved',
};

/** The record with only the kinds of change asked for (all of them when none is named). */
function ofTypes(record: HistoryRecord, types: string[]): HistoryRecord | undefined {
  if (types.length === 0) return record;
  const kept: HistoryRecord = { id: record.id, messages: record.messages };
  let any = false;
  for (const type of types) {
    const key = HISTORY_TYPES[type];
    if (key === undefined) throw new HttpError(400, 'invalidArgument', `Invalid historyTypes: ${type}`);
    if (record[key] === undefined) continue;
    Object.assign(kept, { [key]: record[key] });
    any = true;
  }
  return any ? kept : undefined;
}

const historyList: Handler = (ctx) => {
  const start = Number(ctx.params.get('startHistoryId'));
  if (!Number.isInteger(start) || start <= 0) throw new HttpError(400, 'invalidArgument', 'Missing or invalid startHistoryId');
  if (start < ctx.store.historyFloor) throw notFound();
  const types = ctx.params.getAll('historyTypes');
  const records = ctx.store.history.filter((r) => r.id > start).flatMap((r) => ofTypes(r, types) ?? []);
  const paged = page(ctx, records);
  return { status: 200, json: { ...listBody('history', records, paged), historyId: String(ctx.store.historyId) } };
};

export interface Route {
  method: string;
  pattern: RegExp;
  api: string;
  handler: Handler;
}

const ID = '([A-Za-z0-9_-]{1,64})';

export const ROUTES: Route[] = [
  { method: 'GET', pattern: /^profile$/, api: 'getProfile', handler: profile },
  { method: 'GET', pattern: /^labels$/, api: 'labels.list', handler: labelsList },
  { method: 'GET', pattern: /^settings\/sendAs$/, api: 'settings.sendAs.list', handler: sendAsList },
  { method: 'GET', pattern: /^history$/, api: 'history.list', handler: historyList },
  { method: 'GET', pattern: /^threads$/, api: 'threads.list', handler: threadsList },
  { method: 'GET', pattern: new RegExp(`^threads/${ID}$`), api: 'threads.get', handler: threadsGet },
  { method: 'GET', pattern: /^messages$/, api: 'messages.list', handler: messagesList },
  { method: 'GET', pattern: new RegExp(`^messages/${ID}$`), api: 'messages.get', handler: messagesGet },
  { method: 'GET', pattern: new RegExp(`^messages/${ID}/attachments/${ID}$`), api: 'messages.attachments.get', handler: attachmentsGet },
  { method: 'GET', pattern: /^drafts$/, api: 'drafts.list', handler: draftsList },
  { method: 'GET', pattern: new RegExp(`^drafts/${ID}$`), api: 'drafts.get', handler: draftsGet },
  { method: 'POST', pattern: /^drafts$/, api: 'drafts.create', handler: draftsCreate },
  { method: 'DELETE', pattern: new RegExp(`^drafts/${ID}$`), api: 'drafts.delete', handler: draftsDelete },
];

/** Quota units per method, from Google's table (https://developers.google.com/gmail/api/reference/quota). */
export const UNITS: Record<string, number> = {
  'getProfile': 1,
  'labels.list': 1,
  'settings.sendAs.list': 1,
  'history.list': 2,
  'messages.list': 5,
  'messages.get': 5,
  'messages.attachments.get': 5,
  'drafts.list': 5,
  'drafts.get': 5,
  'threads.list': 10,
  'threads.get': 10,
  'drafts.create': 10,
  'drafts.delete': 10,
};
