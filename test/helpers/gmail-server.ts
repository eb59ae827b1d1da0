// A local Gmail-compatible HTTP server for tests and the benchmark: Gmail API v1 paths and JSON,
// Gmail's error bodies, bearer-token auth, per-user quota in units per window, a concurrency cap,
// injected latency and failures, and a request log. It refuses (500) and records anything that
// would send, insert, import, trash or delete mail.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mapTakeoutLabels } from '../../src/mailbox/gmail-labels.ts';
import { MboxSplitter } from '../../src/mailbox/mbox-split.ts';
import { unescapeMbox } from '../../src/mailbox/mbox-unescape.ts';
import { forbiddenGmailRequest } from './gmail-forbidden.ts';
import { gmailErrorBody, queryRecord, readBody } from './gmail-server-http.ts';
import { HttpError, ROUTES, UNITS, type Route, type RouteContext } from './gmail-server-routes.ts';

export { gmailErrorBody } from './gmail-server-http.ts';
import { MailboxStore, type AddOptions, type StoredMessage } from './gmail-server-store.ts';
export type { StoredMessage } from './gmail-server-store.ts';
import { parseHeaderBlock, headerValue } from './gmail-server-mime.ts';
import { QuotaWindow, type QuotaOptions } from './gmail-server-quota.ts';

export type { QuotaOptions } from './gmail-server-quota.ts';

export interface GmailServerOptions {
  userEmail?: string;
  /** The bearer token clients must send; null accepts any. */
  token?: string | null;
  latencyMs?: number;
  quota?: QuotaOptions;
  /** More requests in flight than this → 429 "Too many concurrent requests for user". */
  maxConcurrent?: number;
  /** Caps maxResults below Gmail's 500, to test paging with few threads. */
  maxPageSize?: number;
  now?: () => number;
}

export interface Failure {
  status: number;
  reason?: string;
  message?: string;
  /** Retry-After header value. */
  retryAfter?: string;
  /** Sent as is instead of a Gmail error body (e.g. malformed JSON with status 200). */
  rawBody?: string;
  /** Do the work, then fail: a response lost after Gmail acted (a timed-out drafts.create). */
  afterProcessing?: boolean;
}

export interface LogEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  api?: string;
  units: number;
  status: number;
}

interface PlannedFailure {
  remaining: number;
  failure: Failure;
  match?: (api: string, path: string) => boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class GmailServer {
  readonly store: MailboxStore;
  readonly log: LogEntry[] = [];
  /** Requests refused because the product must never make them. */
  readonly forbidden: string[] = [];
  readonly options: GmailServerOptions;
  url = '';
  latencyMs: number;
  #server = createServer((req, res) => void this.#handle(req, res));
  #failures: PlannedFailure[] = [];
  #quota: QuotaWindow | undefined;
  #inFlight = 0;
  #mangle = new Map<string, (json: Record<string, unknown>) => unknown>();
  #cache = new Map<string, unknown[]>();
  readonly counters = { requests: 0, units: 0, rateLimited: 0, concurrencyLimited: 0, injected: 0, maxInFlight: 0 };

  constructor(options: GmailServerOptions = {}) {
    this.options = options;
    this.latencyMs = options.latencyMs ?? 0;
    this.#quota = options.quota ? new QuotaWindow(options.quota) : undefined;
    this.store = new MailboxStore(options.userEmail ?? 'me@example.com', options.now ?? Date.now);
  }

  get token(): string | null {
    return this.options.token === undefined ? 'test-token' : this.options.token;
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ---- the mailbox, as the user and their correspondents change it ----

  addMessage(raw: string | Buffer, options?: AddOptions): Promise<StoredMessage> {
    return this.store.addMessage(typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw, options);
  }

  /** Loads a Google Takeout mbox: X-GM-THRID gives the thread, X-Gmail-Labels the labels. */
  async loadMbox(mbox: Buffer): Promise<StoredMessage[]> {
    const raws: Buffer[] = [];
    const splitter = new MboxSplitter({ wants: () => true, message: (raw) => raws.push(Buffer.from(raw)) });
    splitter.push(mbox);
    splitter.end();
    const added: StoredMessage[] = [];
    for (const withFromLine of raws) {
      const raw = unescapeMbox(withFromLine.subarray(withFromLine.indexOf(0x0a) + 1));
      const head = parseHeaderBlock(raw.toString('latin1').split(/\r?\n\r?\n/)[0] ?? '');
      const thrid = headerValue(head, 'x-gm-thrid');
      const labels = headerValue(head, 'x-gmail-labels');
      added.push(
        await this.store.addMessage(raw, {
          ...(thrid && /^\d{1,30}$/.test(thrid) ? { threadId: BigInt(thrid).toString(16) } : {}),
          ...(labels !== undefined ? { labels: mapTakeoutLabels(labels) } : {}),
        }),
      );
    }
    return added;
  }

  editDraft(draftId: string, raw: string | Buffer): Promise<StoredMessage> {
    return this.store.replaceDraft(draftId, typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw);
  }

  deleteDraft(draftId: string): void {
    if (!this.store.deleteDraft(draftId)) throw new Error(`no draft ${draftId}`);
  }

  sendDraft(draftId: string, at?: Date): Promise<StoredMessage> {
    return this.store.sendDraft(draftId, at);
  }

  /** The user labels a message (e.g. { add: ['TRASH'] }); never an endpoint the product may call. */
  modifyLabels(messageId: string, change: { add?: string[]; remove?: string[] }): StoredMessage {
    return this.store.modifyLabels(messageId, change);
  }

  /** The user deletes a message for good; never an endpoint the product may call. */
  deleteMessage(messageId: string): void {
    this.store.deleteMessage(messageId);
  }

  /** Every historyId handed out so far becomes too old: history.list answers 404. */
  expireHistory(): void {
    this.store.expireHistory();
  }

  /** The drafts now in the mailbox, with their raw MIME. */
  drafts(): { id: string; messageId: string; threadId: string; raw: Buffer }[] {
    return [...this.store.drafts].map(([id, messageId]) => {
      const m = this.store.messages.get(messageId)!;
      return { id, messageId, threadId: m.threadId, raw: m.raw };
    });
  }

  // ---- what tests inject ----

  /** The next `count` requests (for which `match(api)` holds) fail this way. */
  failNext(count: number, failure: Failure, match?: (api: string, path: string) => boolean): void {
    this.#failures.push({ remaining: count, failure, ...(match ? { match } : {}) });
  }

  /** An hour later: the per-user quota window is empty again (for the benchmark's later runs). */
  resetQuota(): void {
    this.#quota = this.options.quota ? new QuotaWindow(this.options.quota) : undefined;
  }

  /** Forgets every planned failure: the trouble is over. */
  clearFailures(): void {
    this.#failures = [];
  }

  /** Serves this message's JSON through `fn` (to break it the way a bad payload would be broken). */
  mangleMessage(messageId: string, fn: (json: Record<string, unknown>) => unknown): void {
    this.#mangle.set(messageId, fn);
  }

  /** Serves that message as it is again. */
  unmangleMessage(messageId: string): void {
    this.#mangle.delete(messageId);
  }

  /** Requests per API method, e.g. { 'threads.get': 12 }. */
  countByApi(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const entry of this.log) if (entry.api) counts[entry.api] = (counts[entry.api] ?? 0) + 1;
    return counts;
  }

  /** Requests that would change the mailbox (drafts.create/delete) or were refused as forbidden. */
  writes(): LogEntry[] {
    return this.log.filter((e) => e.method !== 'GET');
  }

  // ---- serving ----

  #takeFailure(api: string, path: string): Failure | undefined {
    const planned = this.#failures.find((f) => f.remaining > 0 && (f.match === undefined || f.match(api, path)));
    if (planned === undefined) return undefined;
    planned.remaining--;
    this.counters.injected++;
    return planned.failure;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const entry: LogEntry = { method, path: url.pathname, query: queryRecord(url.searchParams), units: 0, status: 0 };
    this.log.push(entry);
    this.counters.requests++;
    this.#inFlight++;
    this.counters.maxInFlight = Math.max(this.counters.maxInFlight, this.#inFlight);
    let status = 500;
    let body = '';
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=UTF-8' };
    try {
      ({ status, body } = await this.#respond(req, url, entry, headers));
    } catch (error) {
      const e = error instanceof HttpError ? error : new HttpError(500, 'backendError', `Test server error: ${String(error)}`);
      status = e.status;
      body = gmailErrorBody(e.status, e.reason, e.message);
    }
    entry.status = status;
    if (this.latencyMs > 0) await sleep(this.latencyMs);
    this.#inFlight--;
    res.writeHead(status, headers).end(status === 204 ? undefined : body);
  }

  /** Which method a request is, or a 404; a forbidden request is refused loudly and recorded. */
  #route(method: string, url: URL): { route: Route; rest: string } {
    const why = forbiddenGmailRequest(method, url.pathname);
    if (why !== undefined) {
      this.forbidden.push(`${method} ${url.pathname} (${why})`);
      throw new HttpError(500, 'forbiddenByTestServer', `FORBIDDEN: the product must never do this (${why}).`);
    }
    const m = /^\/gmail\/v1\/users\/([^/]+)\/(.*)$/.exec(url.pathname);
    const route = m ? ROUTES.find((r) => r.method === method && r.pattern.test(m[2]!)) : undefined;
    if (!m || !route) throw new HttpError(404, 'notFound', `No such method: ${method} ${url.pathname}`);
    if (m[1] !== 'me' && m[1]!.toLowerCase() !== this.store.userEmail) throw new HttpError(403, 'forbidden', 'Delegation denied');
    return { route, rest: m[2]! };
  }

  /** Concurrency cap, then quota: what Gmail checks before doing the work. */
  #admit(units: number, headers: Record<string, string>): void {
    if (this.options.maxConcurrent !== undefined && this.#inFlight > this.options.maxConcurrent) {
      this.counters.concurrencyLimited++;
      throw new HttpError(429, 'rateLimitExceeded', 'Too many concurrent requests for user');
    }
    const refusal = this.#quota?.charge(units);
    if (refusal) {
      this.counters.rateLimited++;
      if (refusal.retryAfter) headers['retry-after'] = refusal.retryAfter;
      throw new HttpError(refusal.status, refusal.reason, refusal.message);
    }
  }

  async #respond(req: IncomingMessage, url: URL, entry: LogEntry, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    const { route, rest } = this.#route(entry.method, url);
    entry.api = route.api;
    if (this.token !== null && req.headers.authorization !== `Bearer ${this.token}`) {
      throw new HttpError(401, 'authError', 'Request had invalid authentication credentials.');
    }
    const failure = this.#takeFailure(route.api, url.pathname);
    if (failure && !failure.afterProcessing) return this.#fail(failure, headers);
    const units = UNITS[route.api] ?? 0;
    this.#admit(units, headers);
    entry.units = units;
    this.counters.units += units;
    const ctx: RouteContext = {
      store: this.store,
      params: url.searchParams,
      ids: rest.split('/').slice(1),
      body: entry.method === 'POST' ? await readBody(req) : undefined,
      maxPageSize: this.options.maxPageSize ?? 500,
      mangle: this.#mangle,
      cache: this.#cache,
    };
    const result = await route.handler(ctx);
    if (failure) return this.#fail(failure, headers);
    return { status: result.status, body: result.json === undefined ? '' : JSON.stringify(result.json) };
  }

  #fail(failure: Failure, headers: Record<string, string>): { status: number; body: string } {
    if (failure.retryAfter !== undefined) headers['retry-after'] = failure.retryAfter;
    const body = failure.rawBody ?? gmailErrorBody(failure.status, failure.reason ?? 'backendError', failure.message ?? 'Injected failure');
    return { status: failure.status, body };
  }
}

export function startGmailServer(options: GmailServerOptions = {}): Promise<GmailServer> {
  return new GmailServer(options).listen();
}
