import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { ACTION_KEY_HEADER, decodeActionKey } from '../../src/draft-mark/marker-header.ts';
import { composeDraft, type ComposeInput } from '../../src/compose/compose-draft.ts';
import { contentHashOf } from '../../src/draft-mark/content-hash.ts';
import { aMe, anAction, anInterview, anInterviewer } from '../report/decision-builder.ts';

const DATE = new Date('2026-11-24T14:00:00Z');

function input(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return { action: anAction(), interview: anInterview(), me: aMe(), timezone: 'America/New_York', date: DATE, ...overrides };
}

function addresses(field: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((a) => a.value.map((v) => ({ name: v.name, address: v.address })));
}

async function roundTrip(i: ComposeInput) {
  const draft = await composeDraft(i);
  const parsed: ParsedMail = await simpleParser(draft.raw);
  return { draft, parsed };
}

describe('composeDraft: a thank-you in a new thread', () => {
  it('round-trips through mailparser with From, To, subject, marker header and text', async () => {
    const { draft, parsed } = await roundTrip(input());
    expect(addresses(parsed.from)).toEqual([{ name: 'Alex Doe', address: 'alex@example.com' }]);
    expect(addresses(parsed.to)).toEqual([{ name: 'Jane Smith', address: 'jane@acme.com' }]);
    expect(parsed.subject).toBe('Thank you — Backend Engineer interview');
    expect(parsed.headers.get(ACTION_KEY_HEADER.toLowerCase())).toBe('acme-backend:thank-you:jane@acme.com');
    expect(parsed.inReplyTo).toBeUndefined();
    expect(parsed.references).toBeUndefined();
    expect(parsed.date?.toISOString()).toBe(DATE.toISOString());
    expect(parsed.text?.trimEnd()).toBe(draft.text);
    expect(draft.text).toContain('Dear Jane,');
    expect(draft.text).toContain('event sourcing');
    expect(draft.actionKey).toBe('acme-backend:thank-you:jane@acme.com');
    expect(draft).not.toHaveProperty('threadId');
  });

  it('uses CRLF line endings only', async () => {
    const { draft } = await roundTrip(input());
    const raw = draft.raw.toString('latin1');
    expect(raw).toContain('\r\n\r\n');
    expect(raw.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('its content hash equals the hash of the parsed message, and changes with the text', async () => {
    const { draft, parsed } = await roundTrip(input());
    const parsedHash = contentHashOf({
      to: addresses(parsed.to).map((a) => a.address ?? ''),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
    });
    expect(parsedHash).toBe(draft.contentHash);
    const again = await composeDraft(input({ date: new Date('2026-11-25T10:00:00Z') }));
    expect(again.contentHash).toBe(draft.contentHash);
    const other = await composeDraft(input({ interview: anInterview({ role: 'Staff Engineer' }) }));
    expect(other.contentHash).not.toBe(draft.contentHash);
  });
});

describe('composeDraft: a reply in a thread', () => {
  const parent = {
    threadId: 'thread-7',
    messageId: '<c@acme.com>',
    inReplyTo: '<b@example.com>',
    references: ['<a@acme.com>', '<b@example.com>'],
    subject: 'RE: Backend Engineer – next steps',
  };

  it('carries In-Reply-To, References and the parent subject without a second Re:', async () => {
    const action = anAction({ kind: 'check-in', key: 'acme-backend:check-in:1', threadId: 'thread-7', parent });
    const { draft, parsed } = await roundTrip(input({ action }));
    expect(parsed.inReplyTo).toBe('<c@acme.com>');
    expect(parsed.references).toEqual(['<a@acme.com>', '<b@example.com>', '<c@acme.com>']);
    expect(parsed.subject).toBe('RE: Backend Engineer – next steps');
    expect(draft.threadId).toBe('thread-7');
  });

  it('adds Re: to a forwarded subject and takes the thread from the parent', async () => {
    const action = anAction({ kind: 'rejection-reply', parent: { ...parent, subject: 'Fwd: Update', references: [] } });
    const { draft, parsed } = await roundTrip(input({ action }));
    expect(parsed.subject).toBe('Re: Fwd: Update');
    expect(parsed.references).toEqual(['<b@example.com>', '<c@acme.com>']);
    expect(draft.threadId).toBe('thread-7');
  });
});

describe('composeDraft: UTF-8', () => {
  it('keeps non-ASCII names and text intact through RFC 2047 headers and an encoded body', async () => {
    const jose = anInterviewer({ name: 'José Núñez', email: 'jose@acme.es', topics: ['diseño de APIs'] });
    const action = anAction({ interviewer: jose, to: [{ name: jose.name, email: jose.email }], key: 'k-josé', from: { name: 'Zoë Ångström', email: 'zoe@example.com' } });
    const interview = anInterview({ company: 'Ñandú Café', interviewers: [jose] });
    const me = aMe({ name: 'Zoë Ångström', emails: ['zoe@example.com'] });
    const { draft, parsed } = await roundTrip(input({ action, interview, me }));
    expect([...draft.raw].every((byte) => byte < 0x80)).toBe(true);
    expect(addresses(parsed.from)).toEqual([{ name: 'Zoë Ångström', address: 'zoe@example.com' }]);
    expect(addresses(parsed.to)).toEqual([{ name: 'José Núñez', address: 'jose@acme.es' }]);
    expect(parsed.subject).toBe('Thank you — Backend Engineer interview');
    expect(decodeActionKey(String(parsed.headers.get('x-interview-followup')))).toBe('k-josé');
    expect(parsed.text).toContain('Dear José,');
    expect(parsed.text).toContain('diseño de APIs');
    expect(parsed.text).toContain('Ñandú Café');
    expect(parsed.text?.trimEnd().endsWith('Zoë Ångström')).toBe(true);
  });
});

describe('composeDraft: check-in and rejection reply', () => {
  it('dates the interview in the user time zone', async () => {
    const interview = anInterview({ start: new Date('2026-11-19T03:30:00Z') });
    const action = anAction({ kind: 'check-in', interviewer: undefined });
    const newYork = await composeDraft(input({ action, interview, timezone: 'America/New_York' }));
    const tokyo = await composeDraft(input({ action, interview, timezone: 'Asia/Tokyo' }));
    expect(newYork.text).toContain('on Wednesday, November 18');
    expect(tokyo.text).toContain('on Thursday, November 19');
    expect(newYork.subject).toBe('Following up: Backend Engineer at Acme');
  });

  it('greets a role account with "Hello,"', async () => {
    const action = anAction({ kind: 'rejection-reply', interviewer: undefined, to: [{ name: 'Acme Recruiting', email: 'jobs@acme.com' }] });
    const { parsed } = await roundTrip(input({ action }));
    expect(parsed.text?.startsWith('Hello,\n')).toBe(true);
    expect(addresses(parsed.to)).toEqual([{ name: 'Acme Recruiting', address: 'jobs@acme.com' }]);
  });

  it('greets a named recruiter by first name', async () => {
    const action = anAction({ kind: 'rejection-reply', interviewer: undefined, to: [{ name: 'Priya Patel', email: 'priya@acme.com' }] });
    const draft = await composeDraft(input({ action }));
    expect(draft.text.startsWith('Dear Priya,\n')).toBe(true);
  });

  it('is written from the address of mine the action names, not the first of me.emails', async () => {
    const action = anAction({ kind: 'check-in', from: { name: 'Alex Doe', email: 'alex.doe@work.example' } });
    const { parsed } = await roundTrip(input({ action, me: aMe({ emails: ['alex@example.com', 'alex.doe@work.example'] }) }));
    expect(addresses(parsed.from)).toEqual([{ name: 'Alex Doe', address: 'alex.doe@work.example' }]);
  });
});
