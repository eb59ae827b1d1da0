import type { gmail_v1 } from '@googleapis/gmail';
import { describe, expect, it } from 'vitest';
import { parseGmailMessage, type ParseOutcome } from '../../src/gmail/parse-message.ts';
import { gmailPayload } from '../helpers/gmail-server-mime.ts';
import { gmailFixture } from '../helpers/gmail-test-kit.ts';

/** A fixture as Gmail's API would serve it (format full). */
function gmailJson(name: string, extra: Partial<gmail_v1.Schema$Message> = {}): gmail_v1.Schema$Message {
  return { id: 'm1', threadId: 't1', labelIds: ['INBOX'], internalDate: '1795000000000', payload: gmailPayload(gmailFixture(name)), ...extra };
}

function ok(outcome: ParseOutcome) {
  if (!outcome.ok) throw new Error(`expected a message, got ${outcome.warning.code}`);
  return outcome.value;
}

describe('parseGmailMessage', () => {
  it('reads addresses, threading headers and the text/plain part of a multipart/alternative message', async () => {
    const { message } = ok(await parseGmailMessage(gmailJson('thank-you', { labelIds: ['SENT'] })));
    expect(message).toMatchObject({
      id: 'm1',
      threadId: 't1',
      messageId: '<ty-1@example.com>',
      inReplyTo: '<invite-1@mail.acme.example>',
      references: ['<invite-1@mail.acme.example>'],
      from: { name: 'Sam Seeker', email: 'sam@example.com' },
      to: [{ name: 'Priya Raman', email: 'priya@acme.example' }],
      cc: [{ name: 'Jane Recruiter', email: 'jane.recruiter@acme.example' }],
      subject: 'Re: Interview: Senior Engineer at Acme',
      labels: ['SENT'],
    });
    expect(message.text).toBe('Hi Priya,\n\nThank you for the conversation about the billing pipeline — I enjoyed it a lot.\n\nSam');
  });

  it('uses internalDate (epoch ms) as the date, not the Date header', async () => {
    const { message } = ok(await parseGmailMessage(gmailJson('invite', { internalDate: '1795000000123' })));
    expect(message.date.getTime()).toBe(1795000000123);
  });

  it('falls back to the Date header when internalDate is unusable, and warns when neither is', async () => {
    const { message } = ok(await parseGmailMessage(gmailJson('invite', { internalDate: 'soon' })));
    expect(message.date.toISOString()).toBe('2026-11-16T19:02:11.000Z');
    const payload = gmailPayload(gmailFixture('invite'));
    payload.headers = payload.headers.filter((h) => h.name !== 'Date');
    const outcome = await parseGmailMessage({ id: 'm2', threadId: 't1', payload });
    expect(outcome).toEqual({ ok: false, warning: expect.objectContaining({ code: 'gmail-message-no-date', source: 'gmail message m2' }) });
  });

  it('converts an HTML-only body to text, decoding its charset', async () => {
    const { message } = ok(await parseGmailMessage(gmailJson('html-only')));
    expect(message.text).toBe('Hello Sam,\n\nHerr Müller will call you on Monday.\n\nBest,\nBob');
  });

  it('decodes RFC 2047 names and subjects, and UTF-8 header values as Gmail may already serve them', async () => {
    const encoded = ok(await parseGmailMessage(gmailJson('non-ascii'))).message;
    expect(encoded.from).toEqual({ name: 'José Ñúñez', email: 'jose@initech.example' });
    expect(encoded.subject).toBe('Entrevista en Initech — 面接');
    expect(encoded.text).toContain('面接ありがとうございました。');
    const json = gmailJson('non-ascii');
    for (const h of json.payload!.headers!) {
      if (h.name === 'Subject') h.value = 'Entrevista en Initech — 面接';
      if (h.name === 'From') h.value = 'José Ñúñez <Jose@Initech.example>';
    }
    const decoded = ok(await parseGmailMessage(json)).message;
    expect(decoded.from).toEqual(encoded.from);
    expect(decoded.subject).toBe(encoded.subject);
  });

  it('skips attachments and keeps the automatic-reply headers the rules need', async () => {
    expect(ok(await parseGmailMessage(gmailJson('with-attachment'))).message.text).toBe('Please find the exercise attached.');
    const { message } = ok(await parseGmailMessage(gmailJson('auto-reply')));
    expect(message.headers).toEqual({ 'auto-submitted': 'auto-replied', 'x-autoreply': 'yes', precedence: 'auto_reply' });
  });

  it('reads the action key of a draft this tool made', async () => {
    const json = gmailJson('thank-you', { labelIds: ['DRAFT'] });
    json.payload!.headers!.push({ name: 'x-interview-followup', value: 'thank-you:acme-2026-11-19:priya%40acme.example' });
    expect(ok(await parseGmailMessage(json)).actionKey).toBe('thank-you:acme-2026-11-19:priya@acme.example');
  });

  it('turns a message without payload, ids or readable headers into a warning, never a throw', async () => {
    for (const broken of [{ id: 'm9', threadId: 't1' }, { id: 'm9' }, {}, { id: 'm9', threadId: 't1', payload: 'garbage' }]) {
      const outcome = await parseGmailMessage(broken as gmail_v1.Schema$Message);
      expect(outcome.ok).toBe(false);
    }
    const odd = gmailJson('invite');
    const subject = odd.payload!.headers!.find((h) => h.name === 'Subject')!;
    subject.value = 'Hello\r\nReply-To: evil@x.example';
    odd.payload!.headers!.push({ name: 'bad name\r\nX-Injected', value: 'x' }, { name: 'Subject', value: 'a second subject' });
    const { message } = ok(await parseGmailMessage(odd));
    expect(message.subject).toBe('Hello Reply-To: evil@x.example');
    expect(message.replyTo).toEqual([]);
  });
});
