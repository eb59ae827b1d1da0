import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Thread } from '../../src/core/types.ts';
import { InputError } from '../../src/errors.ts';
import { mboxMailbox, readMbox } from '../../src/mailbox/mbox.ts';
import type { MailboxQuery, ReadProgress } from '../../src/mailbox/port.ts';

const MBOX = join(import.meta.dirname, '../../fixtures/mbox/takeout.mbox');
const ACME_THREAD = 1849876543210987654n.toString(16);
const GREENHOUSE_THREAD = 1850011122233344455n.toString(16);

const QUERY: MailboxQuery = {
  addresses: ['jane@acme.com', 'juergen.mueller@globex.de'],
  domains: ['acme.com'],
  companies: ['Acme'],
  since: new Date('2026-01-01T00:00:00Z'),
};

const subjectsByThread = (threads: Thread[]): Record<string, string[]> =>
  Object.fromEntries(threads.map((t) => [t.id, t.messages.map((m) => `${m.from?.email}: ${m.subject}`)]));

describe('readMbox on a Takeout mbox', () => {
  it('keeps the threads that involve the query, oldest message first', async () => {
    const { threads } = await readMbox(MBOX, QUERY);
    expect(subjectsByThread(threads)).toEqual({
      '<CAF1x8r+gx01@mail.gmail.com>': [
        'alex@example.com: Application for the Platform Engineer role',
        'juergen.mueller@globex.de: Re: Application for the Platform Engineer role',
      ],
      [ACME_THREAD]: [
        'alex@example.com: Thank you for today',
        'jane@acme.com: Re: Thank you for today',
        'rita@talent.acme.com: Re: Thank you for today',
        'jane@acme.com: Re: Thank you for today',
      ],
      [GREENHOUSE_THREAD]: ['no-reply@us.greenhouse-mail.io: Your application'],
    });
    for (const thread of threads) {
      const times = thread.messages.map((m) => m.date.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const m of thread.messages) expect(m.threadId).toBe(thread.id);
    }
  });

  it('maps X-Gmail-Labels to Gmail label ids', async () => {
    const { threads } = await readMbox(MBOX, QUERY);
    const labels = threads.flatMap((t) => t.messages.map((m) => m.labels));
    expect(labels).toContainEqual(['SENT', 'Opened']);
    expect(labels).toContainEqual(['INBOX', 'IMPORTANT', 'CATEGORY_PERSONAL', 'Opened']);
    expect(labels).toContainEqual(['INBOX', 'UNREAD']);
  });

  it('undoes the mboxrd quoting of body lines that begin with From', async () => {
    const { threads } = await readMbox(MBOX, QUERY);
    const jane = threads.flatMap((t) => t.messages).find((m) => m.messageId === '<20261119141503.4411@mail.acme.com>');
    expect(jane?.text).toBe(
      'Hi Alex,\n\nFrom what we discussed, the team would like a second round.\n' +
        '>From the notes: "From here on" is quoted twice.\nFrom-less line stays.\n\nJane\n',
    );
  });

  it('recognises drafts, leaves them out of threads and reads their action key', async () => {
    const { threads, drafts } = await readMbox(MBOX, QUERY);
    expect(drafts).toEqual([
      {
        id: '<draft.0002@mail.gmail.com>',
        threadId: ACME_THREAD,
        to: [{ name: 'Rita Recruiter', email: 'rita@talent.acme.com' }],
        cc: [],
        subject: 'Re: Thank you for today',
        actionKey: 'acme-backend:check-in:1',
      },
    ]);
    expect(threads.flatMap((t) => t.messages).some((m) => m.labels.includes('DRAFT'))).toBe(false);
  });

  it('warns about a message without a Date (using its From_ line) and about a broken one, and goes on', async () => {
    const { threads, warnings } = await readMbox(MBOX, QUERY);
    expect(warnings.map((w) => w.code)).toEqual(['broken-message', 'date-replaced']);
    expect(warnings[1]?.message).toContain('using the date on its mbox From_ line (2026-11-23T15:30:00.000Z)');
    expect(warnings[0]?.source).toMatch(/takeout\.mbox@\d+$/);
    const offset = Number(warnings[0]?.source?.split('@').at(-1));
    expect(readFileSync(MBOX).toString('latin1', offset, offset + 30)).toBe('From 1849900000000000009@xxx T');
    const noDate = threads.flatMap((t) => t.messages).find((m) => m.messageId === '<nodate.1@acme.com>');
    expect(noDate?.date.toISOString()).toBe('2026-11-23T15:30:00.000Z');
  });

  it('gives the same result whatever the chunk size, with boundaries falling inside "\\nFrom "', async () => {
    const expected = await readMbox(MBOX, QUERY);
    for (const chunkSize of [1, 2, 3, 5, 6, 7, 64, 1000]) {
      expect(await readMbox(MBOX, QUERY, { chunkSize })).toEqual(expected);
    }
  });

  it('reads an mbox with LF line endings the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mbox-lf-'));
    const lf = join(dir, 'lf.mbox');
    writeFileSync(lf, readFileSync(MBOX, 'latin1').replace(/\r\n/g, '\n'), 'latin1');
    const crlf = await readMbox(MBOX, QUERY);
    const fromLf = await readMbox(lf, QUERY, { chunkSize: 5 });
    expect(fromLf.threads).toEqual(crlf.threads);
    expect(fromLf.drafts).toEqual(crlf.drafts);
  });

  it('reports progress up to the whole file', async () => {
    const seen: ReadProgress[] = [];
    await mboxMailbox(MBOX, { chunkSize: 512 }).read(QUERY, { onProgress: (p) => seen.push(p) });
    const size = statSync(MBOX).size;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ bytesRead: size, bytesTotal: size, messagesMatched: 8 });
    const read = seen.map((p) => p.bytesRead ?? 0);
    expect(read).toEqual([...read].sort((a, b) => a - b));
  });

  it('throws an InputError for a missing file or a folder', async () => {
    await expect(readMbox(join(tmpdir(), 'no-such.mbox'), QUERY)).rejects.toThrow(InputError);
    await expect(readMbox(join(tmpdir(), 'no-such.mbox'), QUERY)).rejects.toThrow(/does not exist/);
    await expect(readMbox(tmpdir(), QUERY)).rejects.toThrow(/is not an mbox file/);
  });

  it('refuses a file that does not start with a From_ line', async () => {
    const read = readMbox(join(import.meta.dirname, '../../fixtures/eml/thank-you-sent.eml'), QUERY);
    await expect(read).rejects.toThrow(InputError);
    await expect(readMbox(join(import.meta.dirname, '../../fixtures/eml/thank-you-sent.eml'), QUERY)).rejects.toThrow(/does not start like an mbox/);
  });
});

describe('readMbox filtering', () => {
  const ids = async (query: Partial<MailboxQuery>): Promise<string[]> => {
    const { threads, drafts } = await readMbox(MBOX, { ...QUERY, ...query });
    return [...threads.flatMap((t) => t.messages.map((m) => m.messageId ?? m.id)), ...drafts.map((d) => d.id)].sort();
  };

  it('matches an address in From, To or Cc, and a folded From header', async () => {
    expect(await ids({ addresses: ['jane@acme.com'], domains: [], companies: [] })).toEqual([
      '<20261119141503.4411@mail.acme.com>',
      '<CAF1x8r+ty01@mail.gmail.com>',
      '<nodate.1@acme.com>',
      '<rita.0001@talent.acme.com>',
    ]);
  });

  it('matches a domain and its subdomains, but not a parent of a subdomain', async () => {
    const sub = await ids({ addresses: [], domains: ['talent.acme.com'], companies: [] });
    expect(sub).toEqual(['<draft.0002@mail.gmail.com>', '<rita.0001@talent.acme.com>']);
    const parent = await ids({ addresses: [], domains: ['acme.com'], companies: [] });
    expect(parent).toContain('<rita.0001@talent.acme.com>');
    expect(parent).toContain('<20261119141503.4411@mail.acme.com>');
    expect(await ids({ addresses: [], domains: ['cme.com'], companies: [] })).toEqual([]);
  });

  it('keeps applicant-tracking mail only when it names one of the companies', async () => {
    expect(await ids({ addresses: [], domains: [], companies: ['acme'] })).toEqual(['<gh.8812@greenhouse-mail.io>']);
    expect(await ids({ addresses: [], domains: [], companies: ['Umbrella Corp'] })).toEqual(['<lever.2231@hire.lever.co>']);
    expect(await ids({ addresses: [], domains: [], companies: ['Initech'] })).toEqual([]);
    expect(await ids({ addresses: [], domains: [], companies: [] })).toEqual([]);
  });

  it('leaves out messages before `since`, and spam, trash and chats', async () => {
    const since = await ids({ since: new Date('2026-11-19T00:00:00Z') });
    expect(since).not.toContain('<CAF1x8r+ty01@mail.gmail.com>');
    expect(since).toContain('<20261119141503.4411@mail.acme.com>');
    const all = await ids({ since: new Date(0) });
    expect(all).toContain('<old.1@acme.com>');
    expect(all).not.toContain('<spam.1@acme.com>');
    expect(all).not.toContain('<chat.1@acme.com>');
    expect(all).not.toContain('<news.1@example.org>');
  });
});
