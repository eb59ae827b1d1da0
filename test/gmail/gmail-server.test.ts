// The test double must behave like Gmail where the adapter relies on it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gmailFixture } from '../helpers/gmail-test-kit.ts';
import { matchesQuery, parseQuery, type SearchDoc } from '../helpers/gmail-server-query.ts';
import { startGmailServer, type GmailServer } from '../helpers/gmail-server.ts';

const doc: SearchDoc = {
  from: [{ name: 'Jane Recruiter', email: 'jane@mail.acme.example' }],
  to: [{ name: '', email: 'sam@example.com' }],
  cc: [],
  bcc: [],
  subject: 'Interview next week',
  text: 'Looking forward to meeting you.',
  labels: ['INBOX'],
  date: Date.parse('2026-11-20T12:00:00Z'),
  hasAttachment: false, filenames: [],
};

const match = (q: string) => matchesQuery(parseQuery(q), doc, Date.parse('2026-11-24T00:00:00Z'));

describe('the search language', () => {
  it.each([
    ['from:jane@mail.acme.example', true],
    ['from:acme.example', true],
    ['from:notacme.example', false],
    ['to:acme.example', false],
    ['{to:acme.example cc:acme.example from:acme.example}', true],
    ['{to:acme.example cc:acme.example}', false],
    ['from:(initech.example OR acme.example) "meeting you"', true],
    ['from:(initech.example OR acme.example) ("Initech" OR "Globex")', false],
    [`after:${Date.parse('2026-11-20T11:59:59Z') / 1000}`, true],
    [`after:${Date.parse('2026-11-20T12:00:01Z') / 1000}`, false],
    ['after:2026/11/20', true],
    ['before:2026/11/20', false],
    ['newer_than:7d', true],
    ['-from:acme.example', false],
    ['subject:interview in:inbox', true],
    ['from:jane', true],
  ])('%s → %s', (q, expected) => {
    expect(match(q)).toBe(expected);
  });

  it('reads YYYY/MM/DD as midnight Pacific time, the trap epoch seconds avoid', () => {
    const evening = { ...doc, date: Date.parse('2026-11-20T06:00:00Z') };
    // 06:00 UTC on the 20th is still the 19th in California.
    expect(matchesQuery(parseQuery('after:2026/11/20'), evening, 0)).toBe(false);
  });
});

let server: GmailServer;
beforeEach(async () => {
  server = await startGmailServer({ userEmail: 'sam@example.com' });
});
afterEach(() => server.close());

const api = (path: string, init?: RequestInit) =>
  fetch(`${server.url}gmail/v1/users/me/${path}`, { ...init, headers: { authorization: 'Bearer test-token', 'content-type': 'application/json' } });

describe('the test server', () => {
  it('threads replies by references and subject, and files a draft into a thread only when both hold', async () => {
    const invite = await server.addMessage(gmailFixture('invite'));
    const thankYou = await server.addMessage(gmailFixture('thank-you'));
    expect(thankYou.threadId).toBe(invite.threadId);
    const reply = (subject: string, refs: boolean) =>
      Buffer.from(`To: jane@acme.example\r\nSubject: ${subject}\r\n${refs ? 'In-Reply-To: <invite-1@mail.acme.example>\r\nReferences: <invite-1@mail.acme.example>\r\n' : ''}\r\nHi\r\n`).toString('base64url');
    const create = async (raw: string) => (await (await api('drafts', { method: 'POST', body: JSON.stringify({ message: { threadId: invite.threadId, raw } }) })).json()) as { message: { threadId: string } };
    expect((await create(reply('Re: Interview: Senior Engineer at Acme', true))).message.threadId).toBe(invite.threadId);
    expect((await create(reply('Something else', true))).message.threadId).not.toBe(invite.threadId);
    expect((await create(reply('Re: Interview: Senior Engineer at Acme', false))).message.threadId).not.toBe(invite.threadId);
  });

  it('answers with Gmail’s error bodies', async () => {
    const res = await api('threads/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 404, message: 'Requested entity was not found.', errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }], status: 'NOT_FOUND' },
    });
    const bad = await api('threads?q=after%3Atomorrow');
    expect(bad.status).toBe(400);
    const anonymous = await fetch(`${server.url}gmail/v1/users/me/profile`);
    expect(anonymous.status).toBe(401);
  });

  it('enforces the quota in units per window, with Retry-After when asked', async () => {
    await server.close();
    server = await startGmailServer({ quota: { unitsPerWindow: 25, windowMs: 60_000, retryAfter: true } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api('threads')).status);
    expect(statuses).toEqual([200, 200, 403]);
    const refused = await api('threads');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { errors: { reason: string }[] } }).error.errors[0]!.reason).toBe('userRateLimitExceeded');
    expect((await api('profile')).status).toBe(200);
  });

  it('serves raw messages byte for byte, and history since a point', async () => {
    const invite = await server.addMessage(gmailFixture('invite'));
    const { raw } = (await (await api(`messages/${invite.id}?format=raw`)).json()) as { raw: string };
    expect(Buffer.from(raw, 'base64url').equals(gmailFixture('invite'))).toBe(true);
    const { historyId } = (await (await api('profile')).json()) as { historyId: string };
    const later = await server.addMessage(gmailFixture('thank-you'));
    const history = (await (await api(`history?startHistoryId=${historyId}`)).json()) as { history: { messagesAdded: { message: { id: string } }[] }[] };
    expect(history.history.flatMap((h) => h.messagesAdded.map((m) => m.message.id))).toEqual([later.id]);
  });

  it('loads a Takeout mbox with its thread ids and labels', async () => {
    const entry = (thrid: string, labels: string, raw: Buffer) => Buffer.concat([Buffer.from(`From 1@xxx Mon Nov 16 19:02:11 +0000 2026\r\nX-GM-THRID: ${thrid}\r\nX-Gmail-Labels: ${labels}\r\n`), raw, Buffer.from('\r\n')]);
    const mbox = Buffer.concat([entry('1790000000000000001', 'Inbox,Important', gmailFixture('invite')), entry('1790000000000000001', 'Sent', gmailFixture('thank-you'))]);
    const [a, b] = await server.loadMbox(mbox);
    expect(a!.threadId).toBe(BigInt('1790000000000000001').toString(16));
    expect(b!.threadId).toBe(a!.threadId);
    expect([a!.labelIds, b!.labelIds]).toEqual([['INBOX', 'IMPORTANT'], ['SENT']]);
  });
});
