import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { emlDirMailbox } from '../../src/mailbox/eml-dir.ts';
import { mailboxFor } from '../../src/mailbox/mailbox-for.ts';
import type { MailboxQuery } from '../../src/mailbox/port.ts';

const EML = join(import.meta.dirname, '../../fixtures/eml');
const MBOX = join(import.meta.dirname, '../../fixtures/mbox/takeout.mbox');
const QUERY: MailboxQuery = {
  addresses: ['jane@acme.com', 'peter@initech.example'],
  domains: ['acme.com'],
  companies: ['Acme'],
  // Messages without a usable date take their file's time, which a checkout sets.
  since: new Date(0),
};

describe('emlDirMailbox', () => {
  it('threads the .eml files that involve the query by References and In-Reply-To', async () => {
    const { threads } = await emlDirMailbox(EML).read(QUERY);
    // Compared as sets: where the file-time messages fall depends on the checkout.
    const byId = Object.fromEntries(threads.map((t) => [t.id, t.messages.map((m) => m.messageId).sort()]));
    for (const thread of threads) {
      const times = thread.messages.map((m) => m.date.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    expect(byId).toEqual({
      '<CAF1x8r+ty01@mail.gmail.com>': [
        '<20261119141503.4411@mail.acme.com>',
        '<CAF1x8r+ty01@mail.gmail.com>',
        '<ooo.4410@acme.com>',
      ],
      '<html-only.5521@initech.example>': ['<bad-date.7710@initech.example>', '<html-only.5521@initech.example>'],
      '<names.9902@acme.com>': ['<names.9902@acme.com>'],
      '<0100018f.greenhouse.8812@email.amazonses.com>': ['<0100018f.greenhouse.8812@email.amazonses.com>'],
      '<no-date.1203@acme.com>': ['<no-date.1203@acme.com>'],
    });
  });

  it('lists a draft by its file name, in the thread it answers', async () => {
    const { drafts } = await emlDirMailbox(EML).read(QUERY);
    expect(drafts).toEqual([
      {
        id: 'draft-check-in.eml',
        threadId: '<CAF1x8r+ty01@mail.gmail.com>',
        to: [{ name: 'Jane Smith', email: 'jane@acme.com' }],
        cc: [],
        subject: 'Re: Thank you for today',
        actionKey: 'acme-backend:check-in:1',
      },
    ]);
  });

  it('warns about broken files and missing or invalid dates (using the file time), and goes on', async () => {
    const { threads, warnings } = await emlDirMailbox(EML).read(QUERY);
    expect(warnings.map((w) => [w.code, w.source?.split('/').at(-1)])).toEqual([
      ['broken-message', 'broken-truncated.eml'],
      ['date-replaced', 'invalid-date.eml'],
      ['date-replaced', 'missing-date.eml'],
    ]);
    const mtime = statSync(join(EML, 'missing-date.eml')).mtime;
    const noDate = threads.flatMap((t) => t.messages).find((m) => m.messageId === '<no-date.1203@acme.com>');
    expect(noDate?.date).toEqual(mtime);
    expect(warnings[2]?.message).toContain("the file's modification time");
  });

  it('leaves out mail that does not involve the query, and ATS mail for other companies', async () => {
    const { threads } = await emlDirMailbox(EML).read({ ...QUERY, addresses: [], domains: [] });
    expect(threads.map((t) => t.id)).toEqual(['<0100018f.greenhouse.8812@email.amazonses.com>']);
  });

  it('reports progress per file', async () => {
    const seen: number[] = [];
    await emlDirMailbox(EML).read(QUERY, { onProgress: (p) => seen.push(p.bytesRead ?? 0) });
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('throws an InputError for a missing folder', async () => {
    await expect(emlDirMailbox(join(tmpdir(), 'no-such-folder')).read(QUERY)).rejects.toThrow(InputError);
  });
});

describe('mailboxFor', () => {
  it('reads a file as an mbox and a folder as .eml files', async () => {
    const fromFile = await mailboxFor(MBOX).read(QUERY);
    expect(fromFile.drafts.map((d) => d.id)).toEqual(['<draft.0002@mail.gmail.com>']);
    const fromDir = await mailboxFor(EML).read(QUERY);
    expect(fromDir.drafts.map((d) => d.id)).toEqual(['draft-check-in.eml']);
  });

  it('refuses an empty folder before reading: it cannot be the mail the user meant', () => {
    const empty = mkdtempSync(join(tmpdir(), 'eml-empty-'));
    expect(() => mailboxFor(empty)).toThrow(InputError);
    expect(() => mailboxFor(empty)).toThrow(`${empty} is an empty folder`);
  });

  it('throws an InputError naming the path when it does not exist', () => {
    const missing = join(tmpdir(), 'no-such-mailbox');
    expect(() => mailboxFor(missing)).toThrow(InputError);
    expect(() => mailboxFor(missing)).toThrow(`${missing} does not exist`);
  });
});
