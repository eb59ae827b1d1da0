import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gmailMailbox } from '../../src/gmail/gmail-mailbox.ts';
import type { MailboxQuery, ReadProgress } from '../../src/mailbox/port.ts';
import { startGmailServer, type GmailServer } from '../helpers/gmail-server.ts';
import { clientFor, fastLimiter, gmailFixture } from '../helpers/gmail-test-kit.ts';

const QUERY: MailboxQuery = {
  addresses: ['priya@acme.example', 'jose@initech.example'],
  domains: ['acme.example'],
  companies: ['Acme', 'Initech'],
  since: new Date('2026-11-01T00:00:00Z'),
};

const WANTED = ['invite', 'thank-you', 'html-only', 'non-ascii', 'auto-reply', 'with-attachment', 'ats'];
const UNWANTED = ['ats-other', 'unrelated', 'old'];

/** A draft (or message) as the user's mail client would write it: RFC 5322 with CRLF. */
function draftRaw(to: string, subject: string, extraHeaders: string[] = []): string {
  const headers = ['From: Sam Seeker <sam@example.com>', `To: ${to}`, `Subject: ${subject}`, 'Date: Mon, 23 Nov 2026 10:00:00 -0500', ...extraHeaders];
  return [...headers, 'Content-Type: text/plain; charset=utf-8', '', 'Draft text.', ''].join('\r\n');
}

let server: GmailServer;

beforeEach(async () => {
  server = await startGmailServer({ userEmail: 'sam@example.com' });
  for (const name of [...WANTED, ...UNWANTED]) await server.addMessage(gmailFixture(name));
  await server.addMessage(gmailFixture('spam'), { labels: ['SPAM'] });
});

afterEach(() => server.close());

async function read(options: Parameters<typeof gmailMailbox>[1] = {}, onProgress?: (p: ReadProgress) => void) {
  const mailbox = gmailMailbox(await clientFor(server), { limiter: fastLimiter(), ...options });
  return mailbox.read(QUERY, onProgress ? { onProgress } : undefined);
}

const subjects = (r: Awaited<ReturnType<typeof read>>) => r.threads.map((t) => t.messages.map((m) => m.subject)).flat().sort();

describe('gmailMailbox: searching', () => {
  it('reads exactly the threads its targeted searches find, each thread once, and writes nothing', async () => {
    const result = await read();
    expect(result.warnings).toEqual([]);
    expect(subjects(result)).toEqual([
      'Automatic reply: Re: Interview: Senior Engineer at Acme',
      'Entrevista en Initech — 面接',
      'Interview: Senior Engineer at Acme',
      'Re: Interview: Senior Engineer at Acme',
      'Re: Interview: Senior Engineer at Acme',
      'Take-home exercise',
      'Your application update',
    ]);
    const lists = server.log.filter((e) => e.api === 'threads.list');
    expect(lists.length).toBe(2);
    for (const list of lists) {
      expect(list.query.q).toMatch(/^(\{from:|from:\(greenhouse\.io).* after:\d{10}$/);
      expect(list.query.maxResults).toBe('500');
    }
    const gets = server.log.filter((e) => e.api === 'threads.get').map((e) => e.path);
    expect(gets).toHaveLength(result.threads.length);
    expect(new Set(gets).size).toBe(gets.length);
    expect(server.writes()).toEqual([]);
  });

  it('follows nextPageToken across pages and dedupes threads found by several queries', async () => {
    await server.close();
    server = await startGmailServer({ userEmail: 'sam@example.com', maxPageSize: 1 });
    for (const name of [...WANTED, ...UNWANTED]) await server.addMessage(gmailFixture(name));
    const result = await read({ query: { maxLength: 120 } });
    const lists = server.log.filter((e) => e.api === 'threads.list');
    expect(lists.some((e) => typeof e.query.pageToken === 'string')).toBe(true);
    expect(new Set(lists.map((e) => e.query.q)).size).toBeGreaterThan(2);
    expect(result.threads).toHaveLength(5);
    expect(server.countByApi()['threads.get']).toBe(5);
  });

  it('hands over HTML-only and non-ASCII mail as text', async () => {
    const messages = (await read()).threads.flatMap((t) => t.messages);
    expect(messages.find((m) => m.messageId === '<html-1@acme.example>')?.text).toContain('Herr Müller will call you on Monday.');
    const jose = messages.find((m) => m.messageId === '<utf8-1@initech.example>');
    expect(jose?.from).toEqual({ name: 'José Ñúñez', email: 'jose@initech.example' });
    expect(jose?.text).toContain('面接ありがとうございました。');
  });

  it('reports progress as threads arrive', async () => {
    const seen: ReadProgress[] = [];
    await read({}, (p) => seen.push(p));
    expect(seen[0]).toEqual({ threadsFetched: 0, threadsTotal: 5 });
    expect(seen.at(-1)).toEqual({ threadsFetched: 5, threadsTotal: 5 });
  });
});

describe('gmailMailbox: drafts', () => {
  it('keeps drafts out of the conversation and lists them, with the action key of its own', async () => {
    const invite = [...server.store.messages.values()].find((m) => m.messageId === '<invite-1@mail.acme.example>')!;
    const reply = draftRaw('priya@acme.example', 'Re: Interview: Senior Engineer at Acme', [
      'In-Reply-To: <invite-1@mail.acme.example>',
      'References: <invite-1@mail.acme.example>',
      'X-Interview-Followup: acme:check-in:priya%40acme.example',
    ]);
    const own = await server.store.createDraft(Buffer.from(reply), invite.threadId);
    const users = await server.store.createDraft(Buffer.from(draftRaw('Priya <priya@acme.example>', 'A question')), undefined);
    const other = await server.store.createDraft(Buffer.from(draftRaw('mum@family.example', 'Sunday')), undefined);
    expect(own.message.threadId).toBe(invite.threadId);

    const result = await read();
    const thread = result.threads.find((t) => t.id === invite.threadId)!;
    expect(thread.messages.map((m) => m.labels)).not.toContainEqual(['DRAFT']);
    expect(thread.messages).toHaveLength(3);
    expect(result.drafts).toEqual(
      expect.arrayContaining([
        { id: own.draftId, threadId: invite.threadId, to: [{ email: 'priya@acme.example' }], cc: [], subject: 'Re: Interview: Senior Engineer at Acme', actionKey: 'acme:check-in:priya@acme.example', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        { id: users.draftId, threadId: users.message.threadId, to: [{ name: 'Priya', email: 'priya@acme.example' }], cc: [], subject: 'A question', contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]),
    );
    // A draft to someone outside the interviews is never even listed.
    expect(result.drafts.map((d) => d.id)).not.toContain(other.draftId);
    expect(result.drafts).toHaveLength(2);
    // Both come with threads the search found (a draft is a message of its thread): no drafts.get.
    expect(server.countByApi()['drafts.get'] ?? 0).toBe(0);
    expect(server.writes()).toEqual([]);
  });
});

describe('gmailMailbox: what it skips', () => {
  it('leaves out spam and trash inside a thread it reads', async () => {
    const invite = [...server.store.messages.values()].find((m) => m.messageId === '<invite-1@mail.acme.example>')!;
    await server.addMessage(draftRaw('sam@example.com', 'Re: Interview: Senior Engineer at Acme').replace('Draft text.', 'trashed'), {
      threadId: invite.threadId,
      labels: ['TRASH'],
    });
    const thread = (await read()).threads.find((t) => t.id === invite.threadId)!;
    expect(thread.messages.map((m) => m.text)).not.toContain('trashed');
    expect(thread.messages).toHaveLength(3);
  });

  it('turns a broken message into a warning and keeps the rest of its thread', async () => {
    const html = [...server.store.messages.values()].find((m) => m.messageId === '<html-1@acme.example>')!;
    server.mangleMessage(html.id, (json) => ({ ...json, payload: null, internalDate: 'x' }));
    const result = await read();
    // What it may concern is what the rest of its thread involves: the core attributes it by R3.
    expect(result.warnings).toEqual([{
      code: 'gmail-message-unreadable',
      message: expect.any(String),
      source: `gmail message ${html.id}`,
      evidence: { addresses: expect.arrayContaining(['priya@acme.example']) },
    }]);
    expect(result.threads.find((t) => t.id === html.threadId)?.messages).toHaveLength(2);
    expect(result.threads).toHaveLength(5);
  });

  it('turns a garbled or vanished thread into a warning and reads the others', async () => {
    server.failNext(1, { status: 200, rawBody: '{"id": "t", "messages": [' }, (api) => api === 'threads.get');
    server.failNext(1, { status: 404, reason: 'notFound', message: 'Requested entity was not found.' }, (api) => api === 'threads.get');
    const result = await read();
    expect(result.warnings.map((w) => w.code).sort()).toEqual(['gmail-thread-failed', 'gmail-thread-unreadable']);
    expect(result.warnings.every((w) => w.source?.startsWith('gmail thread '))).toBe(true);
    expect(result.threads).toHaveLength(3);
  });
});
