import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.ts';
import type { Config } from '../../src/config/types.ts';
import type { Decision } from '../../src/core/types.ts';
import { startGmailServer, type GmailServer, type StoredMessage } from '../helpers/gmail-server.ts';
import { gmailReport, gmailRun, harness, withoutSync, type Harness } from './sync-kit.ts';
import { companies, configText, invitation, longText, ME, prng, replyText, rfc822, visibleMessages, type Company, type InviteSpec } from './sync-evolution.ts';

// The engine's result after an incremental read is the one a full read gives. Seeded random
// evolutions of a mailbox on the local Gmail server; after every step a report from the sync state
// (what an hourly run reads) and a report that reads everything are compared field by field, and
// now and then a run leaves drafts and saves the state the next steps read on from. A failure
// names its seed and step: SYNC_SEED=<seed> reruns that one evolution alone.

const EVOLUTIONS = 40;
const STEPS = 10;

interface World {
  server: GmailServer;
  h: Harness;
  random: () => number;
  now: Date;
  companies: Company[];
  invites: InviteSpec[];
  counter: number;
}

let server: GmailServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function configOf(list: readonly Company[]): Config {
  const result = parseConfigText(configText(list), { file: '/virtual/config.jsonc', systemTimeZone: 'UTC' });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

function pick<T>(w: World, list: readonly T[]): T | undefined {
  return list.length === 0 ? undefined : list[Math.floor(w.random() * list.length)];
}

function person(w: World): { company: Company; name: string; email: string } {
  const company = pick(w, w.companies)!;
  return { company, ...pick(w, company.people)! };
}

function at(w: World): Date {
  return new Date(w.now.getTime() - Math.floor(w.random() * 50) * 60_000);
}

function id(w: World, domain: string): string {
  return `m${++w.counter}@${domain}`;
}

const bare = (subject: string) => subject.replace(/^(re:\s*)+/i, '');

async function add(w: World, raw: string, date: Date, threadId?: string, labels?: string[]): Promise<void> {
  await w.server.addMessage(raw, { internalDate: date, ...(threadId ? { threadId } : {}), ...(labels ? { labels } : {}) });
}

/** Someone answers in a thread: a company's person, or me. */
async function reply(w: World): Promise<string> {
  const parent = pick(w, visibleMessages(w.server, (m) => !m.labelIds.includes('SPAM')));
  if (parent === undefined) return newThread(w);
  const mine = w.random() < 0.4;
  const them = person(w);
  const date = at(w);
  const raw = rfc822({
    from: mine ? `${ME.name} <${ME.email}>` : `${them.name} <${them.email}>`,
    to: mine ? them.email : ME.email,
    subject: `Re: ${bare(parent.subject)}`,
    date, text: mine ? `Thank you, ${them.name}.` : replyText(w.random), messageId: id(w, mine ? 'example.com' : them.company.domain), parent,
    html: w.random() < 0.15,
  });
  await add(w, raw, date, parent.threadId);
  return `reply in ${parent.threadId} from ${mine ? 'me' : them.email}`;
}

async function newThread(w: World): Promise<string> {
  const them = person(w);
  const date = at(w);
  const mine = w.random() < 0.5;
  const subject = mine ? `Thank you - ${them.company.name} interview` : `Next steps at ${them.company.name} (${w.counter})`;
  const from = mine ? `${ME.name} <${ME.email}>` : `${them.name} <${them.email}>`;
  await add(w, rfc822({ from, to: mine ? them.email : ME.email, subject, date, text: mine ? `Thank you, ${them.name}.` : replyText(w.random), messageId: id(w, them.company.domain) }), date);
  return `new thread ${mine ? 'to' : 'from'} ${them.email}`;
}

async function autoReply(w: World): Promise<string> {
  const them = person(w);
  const date = at(w);
  const raw = rfc822({ from: `${them.name} <${them.email}>`, to: ME.email, subject: 'Automatic reply: Thank you', date, text: 'I am out of the office until Monday, November 30.', messageId: id(w, them.company.domain), extra: ['Auto-Submitted: auto-replied'] });
  await add(w, raw, date);
  return `automatic reply from ${them.email}`;
}

async function ats(w: World): Promise<string> {
  const name = w.random() < 0.7 ? person(w).company.name : 'Vandelay Industries';
  const date = at(w);
  const text = w.random() < 0.3 ? longText(name, w.random) : `Thank you for interviewing with ${name}. ${replyText(w.random)}`;
  await add(w, rfc822({ from: 'Greenhouse <no-reply@greenhouse.io>', to: ME.email, subject: 'Application update', date, text, messageId: id(w, 'greenhouse.io') }), date);
  return `applicant-tracking mail naming ${name}`;
}

async function noise(w: World): Promise<string> {
  const date = at(w);
  const parent = pick(w, visibleMessages(w.server, (m) => m.doc.from[0]?.email === 'news@news.example'));
  const raw = rfc822({ from: 'News <news@news.example>', to: ME.email, subject: parent ? `Re: ${bare(parent.subject)}` : `Newsletter ${w.counter}`, date, text: 'Unrelated: meeting notes inside.', messageId: id(w, 'news.example'), ...(parent ? { parent } : {}) });
  await add(w, raw, date, parent?.threadId);
  return 'unrelated mail';
}

async function oldMail(w: World): Promise<string> {
  const them = person(w);
  const date = new Date(Date.parse('2026-07-01T12:00:00Z') + Math.floor(w.random() * 120) * 86_400_000);
  await add(w, rfc822({ from: `${them.name} <${them.email}>`, to: ME.email, subject: `Old note ${w.counter}`, date, text: 'From a while ago.', messageId: id(w, them.company.domain) }), date);
  return `mail dated ${date.toISOString()} from ${them.email}`;
}

async function invite(w: World): Promise<string> {
  const earlier = w.random() < 0.4 ? pick(w, w.invites.filter((i) => !i.cancel)) : undefined;
  const company = earlier?.company ?? pick(w, w.companies.filter((c) => c.id !== 'globex'))!;
  const start = new Date(w.now.getTime() + (Math.floor(w.random() * 96) - 48) * 3_600_000);
  const spec: InviteSpec = {
    company, uid: earlier?.uid ?? `${company.id}-${w.counter}@calendar.test`, sequence: earlier ? earlier.sequence + 1 : 0,
    start, cancel: false, attachment: w.random() < 0.4, sent: at(w), messageId: id(w, company.domain),
  };
  w.invites.push(spec);
  await add(w, invitation(spec), spec.sent);
  return `${earlier ? 'updated ' : ''}invitation ${spec.uid} at ${start.toISOString()}${spec.attachment ? ' (.ics attachment)' : ''}`;
}

async function cancel(w: World): Promise<string> {
  const earlier = pick(w, w.invites.filter((i) => !i.cancel));
  if (earlier === undefined) return invite(w);
  const spec: InviteSpec = { ...earlier, sequence: earlier.sequence + 1, cancel: true, sent: at(w), messageId: id(w, earlier.company.domain) };
  w.invites.push(spec);
  await add(w, invitation(spec), spec.sent);
  return `cancellation of ${spec.uid}`;
}

async function userDraft(w: World): Promise<string> {
  const parent = w.random() < 0.5 ? pick(w, visibleMessages(w.server)) : undefined;
  const them = w.random() < 0.8 ? person(w) : { name: 'Mum', email: 'mum@family.example' };
  const raw = rfc822({ from: `${ME.name} <${ME.email}>`, to: `${them.name} <${them.email}>`, subject: parent ? `Re: ${bare(parent.subject)}` : 'A question', date: w.now, text: 'Draft text.', messageId: id(w, 'example.com'), ...(parent ? { parent } : {}) });
  await w.server.store.createDraft(Buffer.from(raw), parent?.threadId);
  return `my own draft to ${them.email}${parent ? ` in ${parent.threadId}` : ''}`;
}

async function editDraft(w: World): Promise<string> {
  const draft = pick(w, w.server.drafts());
  if (draft === undefined) return userDraft(w);
  const text = draft.raw.toString('utf8');
  const edited = w.random() < 0.2 ? text.replace(/^Subject: .*$/m, 'Subject: Something else') : text.replace(/\r\n\r\n/, `\r\n\r\nEdited ${w.counter++}. `);
  await w.server.editDraft(draft.id, edited);
  return `edited draft ${draft.id}`;
}

async function deleteDraft(w: World): Promise<string> {
  const draft = pick(w, w.server.drafts());
  if (draft === undefined) return userDraft(w);
  w.server.deleteDraft(draft.id);
  return `deleted draft ${draft.id}`;
}

async function sendDraft(w: World): Promise<string> {
  const draft = pick(w, w.server.drafts());
  if (draft === undefined) return userDraft(w);
  await w.server.sendDraft(draft.id, at(w));
  return `sent draft ${draft.id}`;
}

const LABEL_CHANGES: { add?: string[]; remove?: string[] }[] = [
  { add: ['TRASH'] }, { add: ['TRASH'] }, { add: ['SPAM'] }, { remove: ['TRASH', 'SPAM'] }, { remove: ['UNREAD'] }, { add: ['STARRED'] }, { add: ['Label_7'] }, { remove: ['INBOX'] },
];

/** Mostly mail with the companies (what the engine reads), into and out of spam and trash. */
async function labels(w: World): Promise<string> {
  const domains = w.companies.map((c) => c.domain);
  const recent = w.now.getTime() - 2 * 86_400_000;
  const theirs = (m: StoredMessage) => m.internalDate > recent && [...m.doc.from, ...m.doc.to].some((a) => domains.some((d) => a.email.endsWith(d)));
  const crowded = (m: StoredMessage) => theirs(m) && (w.server.store.threads.get(m.threadId)?.length ?? 0) > 1;
  const r = w.random();
  const message = pick(w, visibleMessages(w.server, r < 0.5 ? crowded : r < 0.8 ? theirs : () => true)) ?? pick(w, visibleMessages(w.server));
  if (message === undefined) return newThread(w);
  const change = message.labelIds.some((l: string) => l === 'TRASH' || l === 'SPAM') && w.random() < 0.6 ? { remove: ['TRASH', 'SPAM'] } : pick(w, LABEL_CHANGES)!;
  w.server.modifyLabels(message.id, change);
  return `labels of ${message.id}: ${JSON.stringify(change)}`;
}

async function deleteMessage(w: World): Promise<string> {
  const message: StoredMessage | undefined = pick(w, visibleMessages(w.server));
  if (message === undefined) return newThread(w);
  w.server.deleteMessage(message.id);
  return `deleted message ${message.id}`;
}

async function expire(w: World): Promise<string> {
  w.server.expireHistory();
  return 'history expired';
}

async function configAdd(w: World): Promise<string> {
  const off = w.companies.find((c) => !c.configured && c.id !== 'hooli');
  if (off) {
    off.configured = true;
  } else {
    const acme = w.companies.find((c) => c.id === 'acme')!;
    if (!acme.people.some((p) => p.email === 'kim@talent.example')) acme.people.push({ name: 'Kim Lee', email: 'kim@talent.example' });
  }
  w.h.config = configOf(w.companies);
  return `config: ${off ? `interview at ${off.name} added` : 'a new interviewer for Acme'}`;
}

async function configRemove(w: World): Promise<string> {
  const on = w.companies.filter((c) => c.configured);
  const gone = on.length > 1 ? pick(w, on)! : undefined;
  if (gone) gone.configured = false;
  w.h.config = configOf(w.companies);
  return `config: ${gone ? `interview at ${gone.name} removed` : 'unchanged'}`;
}

const STEP_KINDS: [number, (w: World) => Promise<string>][] = [
  [6, reply], [3, newThread], [1, autoReply], [2, ats], [2, noise], [1, oldMail], [2, invite], [1, cancel],
  [2, userDraft], [2, editDraft], [1, deleteDraft], [2, sendDraft], [5, labels], [1, deleteMessage],
  [1, expire], [1, configAdd], [1, configRemove],
];

function stepKind(w: World): (w: World) => Promise<string> {
  const total = STEP_KINDS.reduce((s, [weight]) => s + weight, 0);
  let r = w.random() * total;
  for (const [weight, kind] of STEP_KINDS) if ((r -= weight) < 0) return kind;
  return reply;
}

async function seedMailbox(w: World): Promise<void> {
  for (const company of w.companies.filter((c) => c.configured || w.random() < 0.5)) {
    const them = company.people[0]!;
    const start = new Date(company.start);
    const first = new Date(start.getTime() - 3 * 86_400_000);
    await add(w, rfc822({ from: `${them.name} <${them.email}>`, to: ME.email, subject: `Your interview with ${company.name}`, date: first, text: 'See you then.', messageId: id(w, company.domain) }), first);
  }
  for (let n = 0; n < 3; n++) await noise(w);
}

function expectSame(incremental: Decision, full: Decision, where: string): void {
  expect(full.sync?.kind, where).toBe('full');
  expect(withoutSync(incremental), where).toEqual(withoutSync(full));
}

async function evolve(seed: number): Promise<void> {
  const w: World = { server: undefined as unknown as GmailServer, h: undefined as unknown as Harness, random: prng(seed), now: new Date('2026-11-20T15:00:00Z'), companies: companies(), invites: [], counter: 0 };
  server = w.server = await startGmailServer({ userEmail: ME.email, now: () => w.now.getTime() });
  w.h = await harness(w.server, configOf(w.companies));
  await seedMailbox(w);
  await gmailRun(w.h, w.now);
  const done: string[] = [];
  for (let step = 1; step <= STEPS; step++) {
    w.now = new Date(w.now.getTime() + Math.floor(w.random() * 8 * 60 + 1) * 60_000);
    done.push(`${step}: ${await stepKind(w)(w)}`);
    if (w.random() < 0.3) done.push(`${step}: ${await stepKind(w)(w)}`);
    const where = `SYNC_SEED=${seed}, step ${step}, after:\n  ${done.join('\n  ')}\n`;
    const incremental = await gmailReport(w.h, w.now);
    const full = await gmailReport(w.h, w.now, { full: true });
    expectSame(incremental.value, full.value, where);
    if (w.random() < 0.6) {
      const run = await gmailRun(w.h, w.now);
      done.push(`${step}: run (${run.value.decision.sync?.kind}; drafts created: ${run.value.counts.created})`);
    }
    expect(w.server.forbidden, where).toEqual([]);
  }
  await w.server.close();
  server = undefined;
}

const only = process.env.SYNC_SEED === undefined ? undefined : Number(process.env.SYNC_SEED);
const seeds = only === undefined ? Array.from({ length: EVOLUTIONS }, (_, n) => 0x5eed + n * 7919) : [only];

describe('incremental sync equals a full read', () => {
  for (const seed of seeds) {
    it(`evolution ${seed}`, { timeout: 60_000 }, () => evolve(seed));
  }
});
