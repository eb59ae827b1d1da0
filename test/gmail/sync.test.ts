import { readFile, stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { stateDir } from '../../src/state/paths.ts';
import { syncStatePath } from '../../src/state/sync-state.ts';
import { DEMO_CONFIG, DEMO_NOW } from '../helpers/cli.ts';
import type { GmailServer } from '../helpers/gmail-server.ts';
import { closeChecked, demoGmailServer } from '../helpers/gmail-test-kit.ts';
import { companies, invitation, type InviteSpec } from './sync-evolution.ts';
import { apis, gmailReport, gmailRun, harness, units, withoutSync, type Harness } from './sync-kit.ts';
import { JANE_REPLY } from '../helpers/demo-replies.ts';

// Hourly runs that cost almost nothing: the demo job search through the product's own Gmail source,
// every request counted.

const NOW = new Date(DEMO_NOW);
const LATER = new Date('2026-11-24T10:00:00-05:00');

let server: GmailServer;
let h: Harness;

beforeEach(async () => {
  server = await demoGmailServer();
  h = await harness(server, await loadConfig(DEMO_CONFIG));
});

afterEach(() => closeChecked(server));

function statePath(): string {
  return syncStatePath({ dir: stateDir(h.env), mailboxId: 'gmail:alex.doe@example.com' });
}

/** Jane answers in the Acme confirmation thread. */
async function janeReplies(): Promise<void> {
  const confirmation = [...server.store.messages.values()].find((m) => m.messageId === '<conf-2@example.com>')!;
  await server.addMessage(
    JANE_REPLY,
    { labels: ['INBOX', 'UNREAD'], threadId: confirmation.threadId },
  );
}

describe('the sync state', () => {
  it('the first run reads everything and keeps a state (mode 0600); the next, with no change but the drafts it made, costs getProfile and history.list', async () => {
    const first = await gmailRun(h, NOW);
    expect(first.value.decision.sync).toEqual({ kind: 'full', reason: 'no sync state yet', searched: ['acme-backend', 'globex-platform', 'hooli-sre', 'initech-data'] });
    expect(first.value.counts.created).toBe(3);
    expect((await stat(statePath())).mode & 0o777).toBe(0o600);

    const second = await gmailRun(h, NOW);
    expect(apis(second.requests)).toEqual(['getProfile', 'history.list']);
    expect(units(second.requests)).toBe(3);
    expect(second.value.decision.sync).toEqual({ kind: 'incremental', searched: [] });
    expect(second.value.counts.created).toBe(0);
    const full = await gmailReport(h, NOW, { full: true });
    expect(withoutSync(second.value.decision)).toEqual(withoutSync(full.value));
    expect(full.value.sync).toEqual(expect.objectContaining({ kind: 'full', reason: '--full' }));
  });

  it('a run after one new reply in a kept thread reads that thread and nothing else', async () => {
    await gmailRun(h, NOW);
    await gmailRun(h, NOW);
    await janeReplies();
    const after = await gmailRun(h, LATER);
    expect(apis(after.requests).sort()).toEqual(['getProfile', 'history.list', 'messages.list', 'messages.list', 'threads.get']);
    const full = await gmailReport(h, LATER, { full: true });
    expect(withoutSync(after.value.decision)).toEqual(withoutSync(full.value));
    const acme = after.value.decision.interviews.find((i) => i.interview.id === 'acme-backend')!;
    expect(acme.actions).toEqual([expect.objectContaining({ kind: 'thank-you', draft: 'stale' })]);
  });

  it('report reads on from the state and writes nothing; report --full ignores it', async () => {
    await gmailRun(h, NOW);
    const saved = await readFile(statePath());
    await janeReplies();
    const report = await gmailReport(h, LATER);
    expect(report.value.sync?.kind).toBe('incremental');
    expect(report.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect((await readFile(statePath())).equals(saved)).toBe(true);
    const full = await gmailReport(h, LATER, { full: true });
    expect(apis(full.requests)).toContain('threads.list');
    expect(withoutSync(report.value)).toEqual(withoutSync(full.value));
  });

  it('a crash between reading and saving loses nothing: the next run reads on from the old historyId', async () => {
    await gmailRun(h, NOW);
    const saved = await readFile(statePath());
    await janeReplies();
    // The run reads the reply, then dies before its end (the sign-in expires at the draft).
    server.failNext(1, { status: 401, reason: 'authError', message: 'Invalid Credentials' }, (api) => api === 'drafts.create' || api === 'drafts.get');
    await expect(gmailRun(h, LATER, { discardStale: true })).rejects.toThrow();
    expect((await readFile(statePath())).equals(saved)).toBe(true);
    server.clearFailures();
    const next = await gmailRun(h, LATER);
    expect(apis(next.requests)).toContain('threads.get');
    const full = await gmailReport(h, LATER, { full: true });
    expect(withoutSync(next.value.decision)).toEqual(withoutSync(full.value));
  });

  it('history Gmail no longer has (404) means a full read, said in the decision and the log', async () => {
    await gmailRun(h, NOW);
    server.expireHistory();
    const after = await gmailRun(h, NOW);
    expect(after.value.decision.sync).toEqual(expect.objectContaining({ kind: 'full', reason: 'Gmail no longer has the history since the last run' }));
    expect(h.lines.some((l) => /"event":"gmail read".*"kind":"full"/.test(l))).toBe(true);
    expect(apis(after.requests)).toContain('threads.list');
  });

  it('the send-as list is fetched on a full read, not on every run', async () => {
    const first = await gmailRun(h, NOW);
    expect(apis(first.requests)).toContain('settings.sendAs.list');
    const second = await gmailRun(h, NOW);
    expect(apis(second.requests)).not.toContain('settings.sendAs.list');
    const full = await gmailRun(h, NOW, { full: true });
    expect(apis(full.requests)).toContain('settings.sendAs.list');
  });

  it('a new interview in the config runs only its own searches; the kept threads are not read again', async () => {
    // The latest one: an earlier start would move every search's after: (and run them all again).
    const latest = [...h.config.interviews].sort((a, b) => b.start.getTime() - a.start.getTime())[0]!;
    const without = { ...h.config, interviews: h.config.interviews.filter((i) => i !== latest) };
    await gmailRun(h, NOW, { config: without });
    const after = await gmailReport(h, NOW);
    expect(after.value.sync).toEqual({ kind: 'incremental', reason: `searches ran again for ${latest.id} (new interview)`, searched: [latest.id] });
    const searches = after.requests.filter((r) => r.api === 'threads.list').map((r) => String(r.query.q));
    expect(searches).toHaveLength(2);
    const its = [...latest.domains, ...latest.interviewers.map((i) => i.email), `"${latest.company}"`];
    expect(searches.every((q) => its.some((term) => q.includes(term)))).toBe(true);
    const reads = after.requests.filter((r) => r.api === 'threads.get').map((r) => r.path);
    expect(new Set(reads).size).toBe(reads.length);
    const full = await gmailReport(h, NOW, { full: true });
    expect(withoutSync(after.value)).toEqual(withoutSync(full.value));
    expect(full.requests.filter((r) => r.api === 'threads.get').length).toBeGreaterThan(reads.length);
    await gmailRun(h, NOW);
    // Removed again: its threads drop out of what is kept, and nothing is searched.
    const removed = await gmailRun(h, NOW, { config: without });
    expect(apis(removed.requests)).toEqual(['getProfile', 'history.list']);
    expect(withoutSync(removed.value.decision)).toEqual(withoutSync((await gmailReport(h, NOW, { config: without, full: true })).value));
  });

  it('an interview found in an invitation is followed; its reschedule, arriving in a kept thread, is seen', async () => {
    const umbrella = companies().find((c) => c.id === 'umbrella')!;
    const spec: InviteSpec = {
      company: umbrella, uid: 'umbrella-1@calendar.test', sequence: 0, start: new Date('2026-11-23T15:00:00Z'),
      cancel: false, attachment: true, sent: new Date('2026-11-20T15:00:00Z'), messageId: 'inv-1@umbrella.example',
      me: { name: 'Alex Doe', email: 'alex.doe@example.com' },
    };
    const first = await server.addMessage(invitation(spec), { internalDate: spec.sent });
    await gmailRun(h, NOW);
    const moved = { ...spec, sequence: 1, start: new Date('2026-11-25T15:00:00Z'), attachment: false, sent: new Date('2026-11-24T08:00:00Z'), messageId: 'inv-2@umbrella.example' };
    await server.addMessage(invitation(moved), { internalDate: moved.sent, threadId: first.threadId });
    const after = await gmailReport(h, NOW);
    expect(after.value.sync?.kind).toBe('incremental');
    const found = after.value.interviews.find((i) => i.interview.invite === spec.uid)!;
    expect(found.interview.start).toEqual(moved.start);
    expect(found.status).toBe('scheduled');
    expect(withoutSync(after.value)).toEqual(withoutSync((await gmailReport(h, NOW, { full: true })).value));
  });

  it('keeps only the threads the interviews involve, the text of each message cut where the engine stops reading', async () => {
    const confirmation = [...server.store.messages.values()].find((m) => m.messageId === '<conf-2@example.com>')!;
    const long = `We will be in touch.\n${'x'.repeat(30_000)}`;
    await server.addMessage(
      ['From: Jane Smith <jane.smith@acme.example>', 'To: alex.doe@example.com', 'Subject: Re: Your interview with Acme on Monday', 'Date: Mon, 23 Nov 2026 20:00:00 -0500', 'Message-ID: <long@acme.example>', '', long, ''].join('\r\n'),
      { threadId: confirmation.threadId },
    );
    await gmailRun(h, NOW);
    const { decodeSyncState } = await import('../../src/gmail/sync/sync-codec.ts');
    const { gunzipSync } = await import('node:zlib');
    const decoded = decodeSyncState(gunzipSync(await readFile(statePath())).toString('utf8'));
    if (!decoded.ok) throw new Error(decoded.problem);
    const texts = decoded.state.threads.flatMap((t) => t.messages.map((m) => m.text.length));
    expect(Math.max(...texts)).toBe(20_000);
    const subjects = decoded.state.threads.flatMap((t) => t.messages.map((m) => m.subject));
    expect(subjects).not.toContain('50% off everything');
    expect(decoded.state.threads.every((t) => t.messages.length + t.drafts.length > 0)).toBe(true);
  });

  it('what Gmail failed on, or gave unreadable, is read again every run until it reads: its interview is held back till then', async () => {
    const acmeThread = [...server.store.messages.values()].find((m) => m.messageId === '<conf-2@example.com>')!.threadId;
    server.failNext(1_000, { status: 400, reason: 'failedPrecondition' }, (api, path) => api === 'threads.get' && path.endsWith(`/threads/${acmeThread}`));
    const failed = await gmailRun(h, NOW);
    const acme = (d: typeof failed.value.decision) => d.interviews.find((i) => i.interview.id === 'acme-backend')!;
    expect(acme(failed.value.decision).unread.length).toBeGreaterThan(0);
    server.clearFailures();
    const next = await gmailRun(h, NOW);
    // The thread read again, and the thank-you it held back drafted (and read back for the state).
    expect(apis(next.requests)).toEqual(['getProfile', 'history.list', 'threads.get', 'drafts.create', 'drafts.get']);
    expect(acme(next.value.decision).unread).toEqual([]);

    await janeReplies();
    const reply = [...server.store.messages.values()].find((m) => m.messageId === '<jane-after@acme.example>')!;
    server.mangleMessage(reply.id, (json) => ({ ...json, payload: null, internalDate: 'x' }));
    const held = await gmailRun(h, LATER);
    expect(acme(held.value.decision).unread).toEqual([expect.objectContaining({ code: 'gmail-message-unreadable', source: `gmail message ${reply.id}` })]);
    const still = await gmailRun(h, LATER);
    expect(apis(still.requests).filter((a) => a === 'threads.get')).toHaveLength(1);
    expect(acme(still.value.decision).unread).toHaveLength(1);
    server.unmangleMessage(reply.id);
    const mended = await gmailRun(h, LATER);
    expect(acme(mended.value.decision).unread).toEqual([]);
    expect(withoutSync(mended.value.decision)).toEqual(withoutSync((await gmailReport(h, LATER, { full: true })).value));
    expect(apis((await gmailRun(h, LATER)).requests)).toEqual(['getProfile', 'history.list']);
  });

  it('very much new mail elsewhere is searched for, not looked at message by message', async () => {
    await gmailRun(h, NOW);
    for (let n = 0; n < 120; n++) {
      await server.addMessage([`From: News <news${n}@news.example>`, 'To: alex.doe@example.com', `Subject: Offer ${n}`, 'Date: Tue, 24 Nov 2026 08:00:00 -0500', `Message-ID: <news-${n}@news.example>`, '', 'Buy now.', ''].join('\r\n'));
    }
    const after = await gmailReport(h, NOW);
    expect(after.value.sync).toEqual(expect.objectContaining({ kind: 'incremental', reason: '120 new messages elsewhere: every search ran again' }));
    expect(apis(after.requests)).not.toContain('messages.get');
    expect(after.requests.filter((r) => r.api === 'threads.get')).toEqual([]);
    expect(withoutSync(after.value)).toEqual(withoutSync((await gmailReport(h, NOW, { full: true })).value));
  });
});
