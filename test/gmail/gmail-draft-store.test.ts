import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeDraft, type DraftMessage as Draft } from '../../src/compose/compose-draft.ts';
import type { Action, Interview } from '../../src/core/types.ts';
import { GmailError } from '../../src/errors.ts';
import { gmailDraftStore } from '../../src/gmail/gmail-draft-store.ts';
import { startGmailServer, type GmailServer } from '../helpers/gmail-server.ts';
import type { StoredMessage } from '../helpers/gmail-server-store.ts';
import { clientFor, fastLimiter, gmailFixture } from '../helpers/gmail-test-kit.ts';

const ME = { name: 'Sam Seeker', emails: ['sam@example.com'] };
const PRIYA = { name: 'Priya Raman', email: 'priya@acme.example', topics: ['billing pipeline'] };
const INTERVIEW: Interview = {
  id: 'acme-senior',
  company: 'Acme',
  role: 'Senior Engineer',
  source: 'config',
  start: new Date('2026-11-19T15:00:00Z'),
  durationMinutes: 60,
  interviewers: [PRIYA],
  domains: ['acme.example'],
  contact: { name: PRIYA.name, email: PRIYA.email },
};

let server: GmailServer;
let invite: StoredMessage;

beforeEach(async () => {
  server = await startGmailServer({ userEmail: 'sam@example.com' });
  invite = await server.addMessage(gmailFixture('invite'));
});

afterEach(() => server.close());

async function store() {
  return gmailDraftStore(await clientFor(server), { limiter: fastLimiter() });
}

function checkIn(overrides: Partial<Action> = {}): Promise<Draft> {
  const action: Action = {
    key: 'acme-senior:check-in:1',
    kind: 'check-in',
    interviewId: INTERVIEW.id,
    to: [{ name: PRIYA.name, email: PRIYA.email }],
    threadId: invite.threadId,
    parent: { threadId: invite.threadId, messageId: '<invite-1@mail.acme.example>', references: [], subject: 'Interview: Senior Engineer at Acme' },
    draft: 'planned',
    reason: 'Five business days without news.',
    ...overrides,
  };
  return composeDraft({ action, interview: INTERVIEW, me: ME, timezone: 'America/New_York', date: new Date('2026-11-27T14:00:00Z') });
}

function thankYouInNewThread(): Promise<Draft> {
  return checkIn({ key: 'acme-senior:thank-you:priya@acme.example', kind: 'thank-you', interviewer: PRIYA, parent: undefined, threadId: undefined });
}

describe('gmailDraftStore.create', () => {
  it('posts the MIME as JSON raw and Gmail files the reply into its thread', async () => {
    const draft = await checkIn();
    const { draftId } = await (await store()).create(draft);
    const create = server.log.find((e) => e.api === 'drafts.create')!;
    expect(create.path).toBe('/gmail/v1/users/me/drafts');
    const [stored] = server.drafts();
    expect(stored).toMatchObject({ id: draftId, threadId: invite.threadId });
    const mime = await simpleParser(stored!.raw);
    expect(mime.inReplyTo).toBe('<invite-1@mail.acme.example>');
    expect(mime.references).toBe('<invite-1@mail.acme.example>');
    expect(mime.subject).toBe('Re: Interview: Senior Engineer at Acme');
    expect(mime.headers.get('x-interview-followup')).toBe('acme-senior:check-in:1');
    expect(stored!.raw.equals(draft.raw)).toBe(true);
  });

  it('does not retry a refused draft', async () => {
    server.failNext(1, { status: 400, reason: 'invalidArgument', message: 'Invalid draft' }, (api) => api === 'drafts.create');
    await expect((await store()).create(await checkIn())).rejects.toThrow(GmailError);
    expect(server.countByApi()['drafts.create']).toBe(1);
    expect(server.drafts()).toEqual([]);
  });

  it('adopts the draft a lost response already made instead of making a second', async () => {
    server.failNext(1, { status: 503, afterProcessing: true }, (api) => api === 'drafts.create');
    const { draftId } = await (await store()).create(await checkIn());
    expect(server.drafts().map((d) => d.id)).toEqual([draftId]);
    expect(server.countByApi()['drafts.create']).toBe(1);
  });

  it('adopts a lost new-thread draft too, found among all drafts', async () => {
    await server.store.createDraft(Buffer.from('To: mum@family.example\r\nSubject: Sunday\r\n\r\nHi\r\n'), undefined);
    server.failNext(1, { status: 500, afterProcessing: true }, (api) => api === 'drafts.create');
    const { draftId } = await (await store()).create(await thankYouInNewThread());
    expect(server.drafts()).toHaveLength(2);
    expect(server.drafts().map((d) => d.id)).toContain(draftId);
  });

  it('creates again when the failed attempt left nothing behind', async () => {
    server.failNext(2, { status: 503 }, (api) => api === 'drafts.create');
    const { draftId } = await (await store()).create(await checkIn());
    expect(server.drafts().map((d) => d.id)).toEqual([draftId]);
    expect(server.countByApi()['drafts.create']).toBe(3);
  });
});

describe('gmailDraftStore.findByActionKey', () => {
  it('finds its draft by the X-Interview-Followup header, in the thread or anywhere for a new thread', async () => {
    const s = await store();
    const reply = await s.create(await checkIn());
    const fresh = await s.create(await thankYouInNewThread());
    await server.store.createDraft(Buffer.from('To: priya@acme.example\r\nSubject: mine\r\n\r\nHi\r\n'), undefined);
    expect(await s.findByActionKey('acme-senior:check-in:1', invite.threadId)).toBe(reply.draftId);
    expect(await s.findByActionKey('acme-senior:thank-you:priya@acme.example')).toBe(fresh.draftId);
    expect(await s.findByActionKey('acme-senior:check-in:2', invite.threadId)).toBeUndefined();
    expect(await s.findByActionKey('acme-senior:thank-you:priya@acme.example', invite.threadId)).toBeUndefined();
  });
});

describe('gmailDraftStore.currentContentHash', () => {
  it('matches the hash composed, until the user edits, deletes or sends the draft', async () => {
    const s = await store();
    const draft = await checkIn();
    const { draftId } = await s.create(draft);
    expect(await s.currentContentHash(draftId)).toBe(draft.contentHash);
    await server.editDraft(draftId, draft.raw.toString('utf8').replace('Dear Priya', 'Hi Priya'));
    const edited = await s.currentContentHash(draftId);
    expect(edited).toMatch(/^[0-9a-f]{64}$/);
    expect(edited).not.toBe(draft.contentHash);
    server.deleteDraft(draftId);
    expect(await s.currentContentHash(draftId)).toBeUndefined();
  });

  it('sees a sent draft as gone, and the message it became in the thread', async () => {
    const s = await store();
    const { draftId } = await s.create(await checkIn());
    const sent = await server.sendDraft(draftId);
    expect(await s.currentContentHash(draftId)).toBeUndefined();
    expect(sent).toMatchObject({ threadId: invite.threadId, labelIds: ['SENT'] });
  });
});

describe('gmailDraftStore.discard', () => {
  it('deletes a draft of its own, and refuses one without its mark', async () => {
    const s = await store();
    const { draftId } = await s.create(await checkIn());
    const users = await server.store.createDraft(Buffer.from('To: priya@acme.example\r\nSubject: mine\r\n\r\nHi\r\n'), undefined);
    await expect(s.discard(users.draftId)).rejects.toThrow(/Refusing to delete/);
    await s.discard(draftId);
    expect(server.drafts().map((d) => d.id)).toEqual([users.draftId]);
    await s.discard(draftId);
    expect(server.countByApi()['drafts.delete']).toBe(1);
  });
});
