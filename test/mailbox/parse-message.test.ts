import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/mailbox/parse-message.ts';
import type { ParseOutcome } from '../../src/mailbox/parse-message.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/eml');
const FALLBACK = new Date('2026-11-20T12:00:00Z');

function parseFixture(name: string): Promise<ParseOutcome> {
  return parseMessage(readFileSync(join(FIXTURES, name)), {
    source: name,
    fallbackId: `eml:${name}`,
    fallbackDate: FALLBACK,
    fallbackDateOrigin: 'the test date',
  });
}

async function messageOf(name: string) {
  const { parsed, warnings } = await parseFixture(name);
  expect(warnings).toEqual([]);
  if (parsed === undefined) throw new Error(`${name} was skipped`);
  return parsed.message;
}

describe('parseMessage on real messages', () => {
  it('decodes a quoted-printable body with soft line breaks and UTF-8', async () => {
    const m = await messageOf('quoted-printable.eml');
    expect(m.text).toContain('Thanks for the note \u2014 it was great meeting you. The team enjoyed the discussion of event sourcing');
    expect(m.text).toContain('the caf\u00e9 analogy');
    expect(m.text).toContain('a=b is how');
    expect(m.from).toEqual({ name: 'Jane Smith', email: 'jane@acme.com' });
    expect(m.to).toEqual([{ name: 'Alex Doe', email: 'alex@example.com' }]);
    expect(m.date.toISOString()).toBe('2026-11-19T14:15:00.000Z');
    expect(m.messageId).toBe('<20261119141503.4411@mail.acme.com>');
    expect(m.inReplyTo).toBe('<CAF1x8r+ty01@mail.gmail.com>');
    expect(m.references).toEqual(['<CAF1x8r+ty01@mail.gmail.com>']);
    expect(m.id).toBe(m.messageId);
    expect(m.subject).toBe('Re: Thank you for today');
  });

  it('decodes a base64 text part and an RFC 2047 Q-encoded name and B-encoded subject', async () => {
    const m = await messageOf('base64.eml');
    expect(m.text).toBe('Hallo Alex,\n\nanbei die Unterlagen f\u00fcr das Gespr\u00e4ch am Montag. Gr\u00fc\u00dfe aus M\u00fcnchen!\n\nJ\u00fcrgen\n');
    expect(m.from).toEqual({ name: 'J\u00fcrgen M\u00fcller', email: 'juergen.mueller@globex.de' });
    expect(m.subject).toBe('Unterlagen f\u00fcr Montag');
    expect(m.text).not.toContain('PDF');
  });

  it('turns an HTML-only body into plain text', async () => {
    const m = await messageOf('html-only.eml');
    expect(m.text).toContain('Thanks for interviewing with Initech & meeting the team.');
    expect(m.text).toContain('Peter Gibbons');
    expect(m.text).not.toMatch(/<p>|<b>|&amp;|color:#333/);
  });

  it('decodes non-ASCII display names, lower-cases addresses and flattens groups', async () => {
    const m = await messageOf('non-ascii-names.eml');
    expect(m.from).toEqual({ name: 'Jos\u00e9 Mart\u00ednez', email: 'jose.martinez@acme.com' });
    expect(m.replyTo).toEqual([{ name: 'Recrutement Acme \u00e0 Paris', email: 'recrutement@acme.com' }]);
    expect(m.to).toEqual([
      { name: '\u5c71\u7530\u592a\u90ce', email: 'taro@example.jp' },
      { name: 'Alex Doe', email: 'alex@example.com' },
    ]);
    expect(m.cc).toEqual([
      { name: '\u00c5sa Lindstr\u00f6m', email: 'asa@acme.com' },
      { name: 'Bob', email: 'bob@acme.com' },
    ]);
    expect(m.subject).toBe('Entrevista t\u00e9cnica \u2014 pr\u00f3ximos pasos');
  });

  it('falls back to the given date when the Date header is missing, and says so', async () => {
    const { parsed, warnings } = await parseFixture('missing-date.eml');
    expect(parsed?.message.date).toEqual(FALLBACK);
    expect(warnings).toEqual([
      {
        code: 'date-replaced',
        message: `This message has no Date header; using the test date (${FALLBACK.toISOString()}) instead.`,
        source: 'missing-date.eml',
      },
    ]);
  });

  it('falls back to the given date when the Date header is invalid (mailparser would say "now")', async () => {
    const { parsed, warnings } = await parseFixture('invalid-date.eml');
    expect(parsed?.message.date).toEqual(FALLBACK);
    expect(warnings.map((w) => w.code)).toEqual(['date-replaced']);
    expect(warnings[0]?.message).toContain('"next Tuesday-ish"');
  });

  it('skips a message with no date at all when no fallback is given', async () => {
    const raw = readFileSync(join(FIXTURES, 'missing-date.eml'));
    const { parsed, warnings } = await parseMessage(raw, { source: 'x.eml', fallbackId: 'x' });
    expect(parsed).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual(['undated-message']);
  });

  it.each([
    ['broken-garbage.eml', 'no readable header'],
    ['broken-truncated.eml', 'no From, no Date and no body'],
  ])('reports %s as a warning and skips it', async (name, why) => {
    const { parsed, warnings } = await parseFixture(name);
    expect(parsed).toBeUndefined();
    expect(warnings).toEqual([{ code: 'broken-message', message: `This message has ${why}; skipped.`, source: name }]);
  });

  it('keeps the automatic-reply headers the rules look at, lower-cased', async () => {
    const m = await messageOf('out-of-office.eml');
    expect(m.headers).toEqual({
      'auto-submitted': 'auto-replied',
      'x-auto-response-suppress': 'All',
      precedence: 'auto_reply',
    });
    expect(m.references).toEqual(['<CAF1x8r+ty01@mail.gmail.com>', '<CAF1x8r+ci02@mail.gmail.com>']);
  });

  it('reads an applicant-tracking rejection from its text part', async () => {
    const m = await messageOf('greenhouse-rejection.eml');
    expect(m.from).toEqual({ name: 'Acme Recruiting', email: 'no-reply@greenhouse.io' });
    expect(m.text).toContain('Thank you for your interest in Acme');
    expect(m.text).not.toContain('<p>');
  });

  it('maps Takeout labels and reads the action key of a draft', async () => {
    const { parsed } = await parseFixture('draft-check-in.eml');
    expect(parsed?.message.labels).toEqual(['DRAFT']);
    expect(parsed?.actionKey).toBe('acme-backend:check-in:1');
    expect(parsed?.gmailThreadId).toBeUndefined();
  });

  it('uses X-GM-MSGID and X-GM-THRID (as Gmail writes ids, in hex) when present', async () => {
    const raw = Buffer.concat([
      Buffer.from('X-GM-THRID: 1849876543210987654\r\nX-GM-MSGID: 1849899999999999999\r\n'),
      readFileSync(join(FIXTURES, 'thank-you-sent.eml')),
    ]);
    const { parsed } = await parseMessage(raw, { source: 's', fallbackId: 'f' });
    expect(parsed?.gmailThreadId).toBe(1849876543210987654n.toString(16));
    expect(parsed?.message.threadId).toBe(1849876543210987654n.toString(16));
    expect(parsed?.message.id).toBe(1849899999999999999n.toString(16));
  });

  it('gives a message without any id the fallback id', async () => {
    const raw = Buffer.from('From: a@b.example\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\n\r\nhello\r\n');
    const { parsed } = await parseMessage(raw, { source: 's', fallbackId: 'mbox:42' });
    expect(parsed?.message.id).toBe('mbox:42');
    expect(parsed?.message.messageId).toBeUndefined();
  });
});
