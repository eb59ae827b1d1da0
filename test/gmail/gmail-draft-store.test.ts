import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeDraft, type DraftMessage as Draft } from '../../src/compose/compose-draft.ts';
import type { Interview, PlannedAction } from '../../src/core/types.ts';
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

function compose(action: PlannedAction): Promise<Draft> {
  return composeDraft({ action, interview: INTERVIEW, me: ME, timezone: 'America/New_York', date: new Date('2026-11-27T14:00:00Z') });
}

function checkIn(): Promise<Draft> {
  return compose({
    key: 'acme-senior:check-in:1',
    kind: 'check-in',
    interviewId: INTERVIEW.id,
    to: [{ name: PRIYA.name, email: PRIYA.email }],
    from: { name: ME.name, email: ME.emails[0]! },
    threadId: invite.threadId,
    parent: { threadId: invite.threadId, messageId: '<invite-1@mail.acme.example>', references: [], subject: 'Interview: Senior Engineer at Acme' },
    draft: 'planned',
    reason: 'Five business days without news.',
  });
}

function thankYouInNewThread(): Promise<Draft> {
  return compose({
    key: 'acme-senior:thank-you:priya@acme.example',
    kind: 'thank-you',
    interviewer: PRIYA,
    interviewId: INTERVIEW.id,
    to: [{ name: PRIYA.name, email: PRIYA.email }],
    from: { name: ME.name, email: ME.emails[0]! },
    draft: 'planned',
    reason: 'A thank-you is due.',
  });
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

describe('gmailDraftStore.create after a lost response', () => {
  it('finds the draft the lost attempt made, in its thread or (for a new thread) anywhere, instead of making another', async () => {
    const s = await store();
    await server.store.createDraft(Buffer.from('To: priya@acme.example\r\nSubject: mine\r\n\r\nHi\r\n'), undefined);
    server.failNext(1, { status: 503, afterProcessing: true }, (api) => api === 'drafts.create');
    const reply = await s.create(await checkIn());
    server.failNext(1, { status: 503, afterProcessing: true }, (api) => api === 'drafts.create');
    const fresh = await s.create(await thankYouInNewThread());
    expect(server.countByApi()['drafts.create']).toBe(2);
    expect(server.drafts().map((d) => d.id)).toEqual(expect.arrayContaining([reply.draftId, fresh.draftId]));
    expect(server.drafts()).toHaveLength(3);
  });
});

describe('gmailDraftStore.discard', () => {
  it('deletes a draft of its own exactly as made; an edited one is left; a gone one is done', async () => {
    const s = await store();
    const draft = await checkIn();
    const { draftId } = await s.create(draft);
    await server.editDraft(draftId, draft.raw.toString('utf8').replace('Dear Priya', 'Hi Priya'));
    expect(await s.discard(draftId, draft.contentHash)).toBe(false);
    expect(server.drafts().map((d) => d.id)).toEqual([draftId]);
    const other = await s.create(await thankYouInNewThread());
    expect(await s.discard(other.draftId, (await thankYouInNewThread()).contentHash)).toBe(true);
    expect(server.drafts().map((d) => d.id)).toEqual([draftId]);
    expect(await s.discard(other.draftId, 'anything')).toBe(true);
    expect(server.countByApi()['drafts.delete']).toBe(1);
  });

  it('refuses a draft without its mark', async () => {
    const s = await store();
    const users = await server.store.createDraft(Buffer.from('To: priya@acme.example\r\nSubject: mine\r\n\r\nHi\r\n'), undefined);
    await expect(s.discard(users.draftId, 'x')).rejects.toThrow(/Refusing to delete/);
    expect(server.drafts().map((d) => d.id)).toEqual([users.draftId]);
  });
});
