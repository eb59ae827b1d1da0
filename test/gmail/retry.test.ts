import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, GmailError } from '../../src/errors.ts';
import { buildGmailClient, STATIC_TOKEN_REFUSED } from '../../src/gmail/client.ts';
import { describeGmailError, parseRetryAfter } from '../../src/gmail/error-info.ts';
import { gmailDraftStore } from '../../src/gmail/gmail-draft-store.ts';
import { gmailMailbox } from '../../src/gmail/gmail-mailbox.ts';
import type { RetryEvent } from '../../src/gmail/retry.ts';
import { SCOPES_MISSING, SIGN_IN_EXPIRED } from '../../src/gmail/retry.ts';
import { gmailErrorBody } from '../helpers/gmail-server.ts';
import { fastLimiter } from '../helpers/gmail-test-kit.ts';
import { closedPort } from '../helpers/ports.ts';

const GMAIL = 'https://gmail.googleapis.com';
const PROFILE = '/gmail/v1/users/me/profile';
const PROFILE_BODY = { emailAddress: 'sam@example.com', historyId: '1' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

async function expectAuthError(promise: Promise<unknown>, message: string): Promise<void> {
  const failure = await promise.then(() => undefined, (e: unknown) => e);
  expect(failure).toBeInstanceOf(AuthError);
  expect((failure as AuthError).message).toBe(message);
}

const error = (status: number, reason: string, message = 'error') => JSON.parse(gmailErrorBody(status, reason, message));

function staticClient(timeoutMs?: number) {
  return buildGmailClient({ env: { FOLLOWUP_GMAIL_ACCESS_TOKEN: 'static-token' }, ...(timeoutMs ? { timeoutMs } : {}) });
}

async function profileCall(retries = 6) {
  const events: RetryEvent[] = [];
  const sleeps: number[] = [];
  const limiter = fastLimiter({ retry: { retries, onRetry: (e) => events.push(e) } }, sleeps);
  const gmail = await staticClient();
  const run = () => limiter.call('getProfile', () => gmail.users.getProfile({ userId: 'me' }));
  return { run, events, sleeps };
}

describe('retries of transient failures', () => {
  it('rides out a 429 storm, waiting at least Retry-After each time', async () => {
    const scope = nock(GMAIL)
      .get(PROFILE).times(3).reply(429, error(429, 'rateLimitExceeded', 'Too many concurrent requests for user'), { 'Retry-After': '2' })
      .get(PROFILE).reply(200, PROFILE_BODY);
    const { run, events, sleeps } = await profileCall();
    expect((await run()).data.emailAddress).toBe('sam@example.com');
    expect(scope.isDone()).toBe(true);
    expect(events.map((e) => e.status)).toEqual([429, 429, 429]);
    for (const e of events) expect(e.delayMs).toBeGreaterThanOrEqual(2000);
    expect(sleeps).toHaveLength(3);
    for (const s of sleeps) expect(s).toBeGreaterThan(1990);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 5000).toUTCString();
    nock(GMAIL).get(PROFILE).reply(503, error(503, 'backendError'), { 'Retry-After': at }).get(PROFILE).reply(200, PROFILE_BODY);
    const { run, events } = await profileCall();
    await run();
    expect(events[0]!.delayMs).toBeGreaterThan(3000);
  });

  it('retries 503 bursts and 403 rate limits, and gives up with a GmailError when they never end', async () => {
    nock(GMAIL)
      .get(PROFILE).reply(503, error(503, 'backendError'))
      .get(PROFILE).reply(403, error(403, 'userRateLimitExceeded'))
      .get(PROFILE).reply(403, error(403, 'rateLimitExceeded'))
      .get(PROFILE).reply(500, error(500, 'backendError'))
      .get(PROFILE).reply(200, PROFILE_BODY);
    const first = await profileCall();
    await first.run();
    expect(first.events.map((e) => e.reason)).toEqual(['backendError', 'userRateLimitExceeded', 'rateLimitExceeded', 'backendError']);

    const forever = nock(GMAIL).get(PROFILE).times(4).reply(503, error(503, 'backendError'));
    const second = await profileCall(3);
    await expect(second.run()).rejects.toThrow(/still failing after 4 attempts/);
    expect(forever.isDone()).toBe(true);
  });

  it('retries network errors and timeouts', async () => {
    nock(GMAIL)
      .get(PROFILE).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .get(PROFILE).delay(500).reply(200, PROFILE_BODY)
      .get(PROFILE).reply(200, PROFILE_BODY);
    const events: RetryEvent[] = [];
    const limiter = fastLimiter({ retry: { onRetry: (e) => events.push(e) } });
    const gmail = await staticClient(100);
    const { data } = await limiter.call('getProfile', () => gmail.users.getProfile({ userId: 'me' }));
    expect(data.emailAddress).toBe('sam@example.com');
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.status === undefined)).toBe(true);
  });
});

describe('failures that are not retried', () => {
  it('fails fast on a plain 403 and on 404, with Gmail’s message', async () => {
    const scope = nock(GMAIL).get(PROFILE).reply(403, error(403, 'forbidden', 'Delegation denied for sam@example.com'));
    const { run, events } = await profileCall();
    const failure = await run().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GmailError);
    expect((failure as GmailError).status).toBe(403);
    expect((failure as GmailError).message).toMatch(/getProfile failed \(403: forbidden: Delegation denied/);
    expect(events).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('maps 401 to AuthError: the saved sign-in is to redo, a static token is itself refused', async () => {
    nock(GMAIL).get(PROFILE).reply(401, error(401, 'authError', 'Request had invalid authentication credentials.'));
    await expectAuthError((await profileCall()).run(), STATIC_TOKEN_REFUSED);

    const tokenPath = join(await mkdtemp(join(tmpdir(), 'followup-token-')), 'token.json');
    await writeFile(tokenPath, JSON.stringify({ type: 'authorized_user', client_id: 'cid.apps.googleusercontent.com', client_secret: 's', refresh_token: '1//r' }));
    nock('https://oauth2.googleapis.com').post('/token').reply(200, { access_token: 'ya29.a', expires_in: 3599, token_type: 'Bearer' });
    nock(GMAIL).get(PROFILE).reply(401, error(401, 'authError', 'Request had invalid authentication credentials.'));
    const gmail = await buildGmailClient({ env: {}, tokenPath });
    await expectAuthError(fastLimiter().call('getProfile', () => gmail.users.getProfile({ userId: 'me' })), SIGN_IN_EXPIRED);
  });

  it('maps missing scopes to AuthError telling the user to sign in again', async () => {
    const body = error(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
    body.error.details = [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT' }];
    nock(GMAIL).get(PROFILE).reply(403, body);
    await expectAuthError((await profileCall()).run(), SCOPES_MISSING);
  });

  it('maps invalid_grant on token refresh to AuthError, without calling Gmail', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'followup-token-'));
    const tokenPath = join(dir, 'token.json');
    const token = { type: 'authorized_user', client_id: 'cid.apps.googleusercontent.com', client_secret: 'secret', refresh_token: '1//revoked' };
    await writeFile(tokenPath, JSON.stringify(token), { mode: 0o600 });
    const oauth = nock('https://oauth2.googleapis.com')
      .post('/token')
      .reply(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    const gmail = await buildGmailClient({ env: {}, tokenPath });
    const mailbox = gmailMailbox(gmail, { limiter: fastLimiter() });
    const read = mailbox.read({ addresses: ['priya@acme.example'], domains: [], companies: [], since: new Date('2026-11-01') });
    await expectAuthError(read, SIGN_IN_EXPIRED);
    expect(oauth.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refuses a malformed list page with a GmailError, and a malformed thread becomes a warning', async () => {
    nock(GMAIL).get(/\/threads\?/).reply(200, '{"threads": [', { 'Content-Type': 'application/json' }).get(/\/drafts\?/).reply(200, {});
    const mailbox = gmailMailbox(await staticClient(), { limiter: fastLimiter() });
    const query = { addresses: ['priya@acme.example'], domains: [], companies: [], since: new Date('2026-11-01') };
    await expect(mailbox.read(query)).rejects.toThrow(/threads.list returned a page that is not a thread list/);

    nock(GMAIL)
      .get(/\/threads\?/).reply(200, { threads: [{ id: 't1' }] })
      .get(/\/drafts\?/).reply(200, {})
      .get('/gmail/v1/users/me/threads/t1').query(true).reply(200, '<html>oops</html>', { 'Content-Type': 'text/html' });
    const result = await mailbox.read(query);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'gmail-thread-unreadable', source: 'gmail thread t1' })]);
  });
});

describe('an address nobody answers at', () => {
  beforeEach(() => nock.enableNetConnect('127.0.0.1'));
  afterEach(() => nock.disableNetConnect());

  it('a refused connection is retried twice, quickly, naming the URL on the first retry and in the error', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/gmail/v1/users/me/profile`;
    const events: RetryEvent[] = [];
    const limiter = fastLimiter({ retry: { onRetry: (e) => events.push(e) } });
    const gmail = await buildGmailClient({ env: { FOLLOWUP_GMAIL_ROOT_URL: `http://127.0.0.1:${port}/`, FOLLOWUP_GMAIL_ACCESS_TOKEN: 't' } });
    const failure = await limiter.call('getProfile', () => gmail.users.getProfile({ userId: 'me' })).catch((e: unknown) => e);
    expect(events.map((e) => [e.attempt, e.code, e.url])).toEqual([[1, 'ECONNREFUSED', url], [2, 'ECONNREFUSED', url]]);
    expect(failure).toBeInstanceOf(GmailError);
    expect((failure as Error).message).toBe(`Gmail getProfile failed after 3 attempts: nothing answers at ${url} (connection refused).`);
  });

  it('a host that does not resolve is named, and a search query (with addresses) never is', async () => {
    const scope = nock(GMAIL)
      .get('/gmail/v1/users/me/threads').query(true).times(3)
      .replyWithError(Object.assign(new Error('getaddrinfo ENOTFOUND gmail.googleapis.com'), { code: 'ENOTFOUND' }));
    const events: RetryEvent[] = [];
    const limiter = fastLimiter({ retry: { onRetry: (e) => events.push(e) } });
    const gmail = await staticClient();
    const list = () => gmail.users.threads.list({ userId: 'me', q: 'from:(priya@acme.example)' });
    const failure = await limiter.call('threads.list', list).catch((e: unknown) => e);
    expect(scope.isDone()).toBe(true);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ code: 'ENOTFOUND', url: `${GMAIL}/gmail/v1/users/me/threads` });
    expect((failure as Error).message).toMatch(/the host of https:\/\/gmail\.googleapis\.com\/gmail\/v1\/users\/me\/threads cannot be found \(ENOTFOUND\)/);
    expect(JSON.stringify([events, (failure as Error).message])).not.toContain('priya');
  });
});

describe('drafts.create is never blindly retried', () => {
  it('after a connection reset it looks for the draft first and adopts it: one POST only', async () => {
    const key = 'acme:check-in:1';
    let posts = 0;
    nock(GMAIL)
      .post('/gmail/v1/users/me/drafts')
      .reply(async (req: Request) => {
        posts++;
        const body = (await req.json()) as { message: { threadId: string; raw: string } };
        expect(body.message.threadId).toBe('t7');
        expect(Buffer.from(body.message.raw, 'base64url').toString()).toContain(`X-Interview-Followup: ${key}`);
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      })
      .get(/\/drafts\?/).reply(200, { drafts: [{ id: 'r-other', message: { id: 'm0', threadId: 't1' } }, { id: 'r-mine', message: { id: 'm1', threadId: 't7' } }] })
      .get('/gmail/v1/users/me/drafts/r-mine').query(true)
      .reply(200, { id: 'r-mine', message: { id: 'm1', threadId: 't7', internalDate: '1795000000000', payload: { mimeType: 'text/plain', headers: [{ name: 'X-Interview-Followup', value: key }] } } });
    const store = gmailDraftStore(await staticClient(), { limiter: fastLimiter() });
    const raw = Buffer.from(`To: priya@acme.example\r\nSubject: Re: Hi\r\nX-Interview-Followup: ${key}\r\n\r\nHello\r\n`);
    await expect(store.create({ actionKey: key, interviewId: 'acme', kind: 'check-in', to: [{ email: 'priya@acme.example' }], threadId: 't7', raw, contentHash: 'x' })).resolves.toEqual({ draftId: 'r-mine' });
    expect(posts).toBe(1);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('reading Gmail errors', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('reads errors from either gaxios copy: Headers objects and plain header records', () => {
    const plain = { status: 429, response: { status: 429, headers: { 'Retry-After': '3' }, data: error(429, 'rateLimitExceeded') } };
    expect(describeGmailError(plain)).toMatchObject({ status: 429, reasons: ['rateLimitExceeded'], retryAfterMs: 3000 });
    const fetchStyle = { response: { status: 503, headers: new Headers({ 'retry-after': '1' }), data: error(503, 'backendError') } };
    expect(describeGmailError(fetchStyle)).toMatchObject({ status: 503, retryAfterMs: 1000 });
    const refresh = { status: 400, message: 'invalid_grant', response: { status: 400, data: { error: 'invalid_grant' } } };
    expect(describeGmailError(refresh)).toMatchObject({ status: 400, oauthError: 'invalid_grant' });
    expect(describeGmailError(Object.assign(new Error('boom'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'ECONNRESET' });
    const withQuery = Object.assign(new Error('request to https://gmail.googleapis.com/gmail/v1/users/me/threads?q=from%3A%28a%40b.com%29 failed, reason: socket hang up'), {
      code: 'ECONNRESET',
      config: { url: new URL('https://gmail.googleapis.com/gmail/v1/users/me/threads?q=from%3A%28a%40b.com%29') },
    });
    expect(describeGmailError(withQuery)).toEqual({
      reasons: [],
      code: 'ECONNRESET',
      message: 'request to https://gmail.googleapis.com/gmail/v1/users/me/threads failed, reason: socket hang up',
      url: 'https://gmail.googleapis.com/gmail/v1/users/me/threads',
    });
  });
});
