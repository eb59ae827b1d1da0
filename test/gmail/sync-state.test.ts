import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { decide } from '../../src/core/decide.ts';
import type { Thread } from '../../src/core/types.ts';
import { gmailMailbox } from '../../src/gmail/gmail-mailbox.ts';
import { parseGmailMessage } from '../../src/gmail/parse-message.ts';
import { decodeSyncState, encodeSyncState } from '../../src/gmail/sync/sync-codec.ts';
import { ENGINE_TEXT_CHARS } from '../../src/gmail/sync/thread-record.ts';
import { IGNORED_LABELS } from '../../src/mailbox/gmail-labels.ts';
import { queryForInterviews } from '../../src/mailbox/query-for-interviews.ts';
import { DEMO_CONFIG, DEMO_NOW } from '../helpers/cli.ts';
import type { GmailServer } from '../helpers/gmail-server.ts';
import { clientFor, demoGmailServer, fastLimiter } from '../helpers/gmail-test-kit.ts';
import { invitation, companies } from './sync-evolution.ts';

let server: GmailServer;

beforeEach(async () => {
  server = await demoGmailServer();
});

afterEach(() => server.close());

const filler = (n: number) => 'We appreciate your patience while the team meets. '.repeat(Math.ceil(n / 50)).slice(0, n);

/** Mail whose deciding words come only after the engine's 20,000 characters. */
async function addLongMail(): Promise<void> {
  const acme = [...server.store.messages.values()].find((m) => m.messageId === '<conf-2@example.com>')!;
  const mails = [
    { from: 'Jane Smith <jane.smith@acme.example>', subject: 'Re: Your interview with Acme on Monday', text: `${filler(19_990)}\nUnfortunately we have decided not to move forward. We will be in touch by December 3.`, threadId: acme.threadId },
    { from: 'Greenhouse <no-reply@greenhouse.io>', subject: 'Application update', text: `${filler(25_000)}\nThank you for interviewing with Globex.` },
    { from: 'Priya Nair <priya.nair@globex.example>', subject: 'Automatic reply: Thank you', text: `I am out of the office until Monday, November 30.\n${filler(21_000)}` },
    // Named just inside what the engine reads (company-name.ts: 20,000 characters), in a kept thread.
    { from: 'Greenhouse <no-reply@greenhouse.io>', subject: 'Re: Your interview', text: `${filler(19_950)} Acme ${filler(6_000)}`, threadId: acme.threadId },
  ];
  let n = 0;
  for (const mail of mails) {
    const raw = [`From: ${mail.from}`, 'To: alex.doe@example.com', `Subject: ${mail.subject}`, 'Date: Mon, 23 Nov 2026 20:00:00 -0500', `Message-ID: <long-${++n}@test>`, 'Content-Type: text/plain; charset=utf-8', '', mail.text, ''].join('\r\n');
    await server.addMessage(raw, mail.threadId ? { threadId: mail.threadId } : {});
  }
}

/** The same threads parsed straight from Gmail's JSON, text whole. */
async function uncut(threads: readonly Thread[]): Promise<Thread[]> {
  const gmail = await clientFor(server);
  return Promise.all(threads.map(async (t) => {
    const { data } = await gmail.users.threads.get({ userId: 'me', id: t.id, format: 'full' });
    const kept = (data.messages ?? []).filter((m) => !(m.labelIds ?? []).some((l) => IGNORED_LABELS.has(l) || l === 'DRAFT'));
    const messages = await Promise.all(kept.map(async (m) => {
      const parsed = await parseGmailMessage(m);
      if (!parsed.ok) throw new Error(parsed.warning.message);
      return parsed.value.message;
    }));
    return { id: t.id, messages: messages.sort((a, b) => a.date.getTime() - b.date.getTime()) };
  }));
}

describe('what the sync state keeps', () => {
  it('the engine decides the same on text cut at 20,000 characters as on the whole text', async () => {
    await addLongMail();
    const config = await loadConfig(DEMO_CONFIG);
    const mailbox = gmailMailbox(await clientFor(server), { limiter: fastLimiter() });
    const contents = await mailbox.read(queryForInterviews(config.interviews));
    const cutOnes = contents.threads.flatMap((t) => t.messages).filter((m) => m.text.length === ENGINE_TEXT_CHARS);
    expect(cutOnes.length).toBeGreaterThanOrEqual(3);
    const whole = await uncut(contents.threads);
    expect(whole.flatMap((t) => t.messages).filter((m) => m.text.length > ENGINE_TEXT_CHARS)).toHaveLength(cutOnes.length);
    const me = { ...config.me, name: config.me.name ?? 'Alex Doe' };
    const input = { interviews: config.interviews, drafts: [], ledger: { version: 1 as const, entries: [] }, me, now: new Date(DEMO_NOW), timezone: config.timezone, policy: config.policy };
    expect(decide({ ...input, threads: contents.threads })).toEqual(decide({ ...input, threads: whole }));
  });

  it('survives the trip through its file: dates, invitations and drafts come back as they were', async () => {
    const umbrella = companies().find((c) => c.id === 'umbrella')!;
    await server.addMessage(invitation({
      company: umbrella, uid: 'u-1@calendar.test', sequence: 0, start: new Date('2026-11-25T15:00:00Z'), cancel: false, attachment: false,
      sent: new Date('2026-11-20T15:00:00Z'), messageId: 'inv@umbrella.example', me: { name: 'Alex Doe', email: 'alex.doe@example.com' },
    }), { internalDate: new Date('2026-11-20T15:00:00Z') });
    const config = await loadConfig(DEMO_CONFIG);
    const mailbox = gmailMailbox(await clientFor(server), { limiter: fastLimiter(), sync: {} });
    const found = await mailbox.readInvitations(new Date('2026-09-01T00:00:00Z'));
    expect(found.invitations).toHaveLength(1);
    await mailbox.read(queryForInterviews(config.interviews));
    const state = await mailbox.nextSyncState();
    const back = decodeSyncState(encodeSyncState(state));
    expect(back).toEqual({ ok: true, state });
    if (!back.ok) return;
    expect(back.state.invitations!.hits[0]!.invitations[0]!.message.date).toBeInstanceOf(Date);
    expect(back.state.threads.length).toBeGreaterThan(0);
  });

  it('a state of another format, or not one at all, is not used', () => {
    expect(decodeSyncState('{"format": 0}')).toEqual({ ok: false, problem: 'format 0, not 1' });
    expect(decodeSyncState('garbage').ok).toBe(false);
    expect(decodeSyncState('{"format": 1, "historyId": "12"}').ok).toBe(false);
  });
});
