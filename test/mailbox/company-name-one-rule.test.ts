import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { companyIdentity, isCompanyMessage } from '../../src/core/company.ts';
import type { Message } from '../../src/core/types.ts';
import { gmailMailbox } from '../../src/gmail/gmail-mailbox.ts';
import { readEmlDir } from '../../src/mailbox/eml-dir.ts';
import { parseMessage } from '../../src/mailbox/parse-message.ts';
import { queryForInterviews } from '../../src/mailbox/query-for-interviews.ts';
import { interview } from '../core/builders.ts';
import { startGmailServer, type GmailServer } from '../helpers/gmail-server.ts';
import { clientFor, fastLimiter } from '../helpers/gmail-test-kit.ts';

// §3: one rule answers "does this message name the company" for the engine, the mbox/.eml screen
// and the Gmail query. The screen and the query may keep more than the engine counts, never less.

const ME = { name: 'Alex Doe', emails: ['alex@example.com'] };
const ACME = interview({ company: 'Acme Corp' });

const BODIES = [
  'Thank you for interviewing with Acme Corp.',
  'Thank you for interviewing with Acme\r\nCorp. We will be in touch.',
  'A message from ACME   corp, via our hiring system.',
  'Your application to Acme Corporation has been received.',
  'Acme-Corp thanks you.',
  "Acme Corp's hiring team has an update.",
  'Nothing about that company at all.',
];

function ats(n: number, body: string): string {
  return [
    'From: Hiring Team <no-reply@greenhouse-mail.io>',
    'To: alex@example.com',
    `Subject: Application update ${n}`,
    `Date: Thu, 19 Nov 2026 1${n}:00:00 -0500`,
    `Message-ID: <ats-${n}@greenhouse-mail.io>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

async function engineCounts(): Promise<string[]> {
  const counted: string[] = [];
  for (const [n, body] of BODIES.entries()) {
    const { parsed } = await parseMessage(Buffer.from(ats(n, body)), { source: `m${n}`, fallbackId: `m${n}` });
    const message: Message = parsed!.message;
    if (isCompanyMessage(message, ME, companyIdentity(ACME))) counted.push(message.messageId!);
  }
  return counted;
}

let server: GmailServer | undefined;
afterEach(async () => server?.close());

describe('one rule for a company name', () => {
  it('the engine counts the name broken over lines and in any case, not inside another word', async () => {
    expect(await engineCounts()).toEqual(['<ats-0@greenhouse-mail.io>', '<ats-1@greenhouse-mail.io>', '<ats-2@greenhouse-mail.io>', '<ats-5@greenhouse-mail.io>']);
  });

  it('the .eml/mbox screen keeps every message the engine counts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'followup-names-'));
    for (const [n, body] of BODIES.entries()) await writeFile(join(dir, `${n}.eml`), ats(n, body));
    const contents = await readEmlDir(dir, queryForInterviews([ACME]));
    const kept = contents.threads.flatMap((t) => t.messages.map((m) => m.messageId));
    for (const id of await engineCounts()) expect(kept).toContain(id);
  });

  it('the Gmail searches find every message the engine counts', async () => {
    server = await startGmailServer({ userEmail: 'alex@example.com' });
    for (const [n, body] of BODIES.entries()) await server.addMessage(ats(n, body));
    const contents = await gmailMailbox(await clientFor(server), { limiter: fastLimiter() }).read(queryForInterviews([ACME]));
    const found = contents.threads.flatMap((t) => t.messages.map((m) => m.messageId));
    for (const id of await engineCounts()) expect(found).toContain(id);
  });
});
