import { readFile, stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { stateDir } from '../../src/state/paths.ts';
import { syncStatePath } from '../../src/state/sync-state.ts';
import { DEMO_CONFIG, DEMO_MBOX, DEMO_NOW } from '../helpers/cli.ts';
import { startGmailServer, type GmailServer } from '../helpers/gmail-server.ts';
import { apis, gmailReport, gmailRun, harness, units, withoutSync, type Harness } from './sync-kit.ts';

// Hourly runs that cost almost nothing: the demo job search through the product's own Gmail source,
// every request counted.

const NOW = new Date(DEMO_NOW);
const LATER = new Date('2026-11-24T10:00:00-05:00');

let server: GmailServer;
let h: Harness;

beforeEach(async () => {
  server = await startGmailServer({ userEmail: 'alex.doe@example.com' });
  await server.loadMbox(await readFile(DEMO_MBOX));
  h = await harness(server, await loadConfig(DEMO_CONFIG));
});

afterEach(async () => {
  expect(server.forbidden).toEqual([]);
  await server.close();
});

function statePath(): string {
  return syncStatePath({ dir: stateDir(h.env), mailboxId: 'gmail:alex.doe@example.com' });
}

/** Jane answers in the Acme confirmation thread. */
async function janeReplies(): Promise<void> {
  const confirmation = [...server.store.messages.values()].find((m) => m.messageId === '<conf-2@example.com>')!;
  await server.addMessage(
    [
      'From: Jane Smith <jane.smith@acme.example>',
      'To: Alex Doe <alex.doe@example.com>',
      'Subject: Re: Your interview with Acme on Monday',
      'Date: Tue, 24 Nov 2026 09:10:00 -0500',
      'Message-ID: <jane-after@acme.example>',
      'In-Reply-To: <conf-2@example.com>',
      'References: <conf-1@acme.example> <conf-2@example.com>',
      '',
      'Thanks for coming in yesterday, Alex. We will be in touch soon.',
      '',
    ].join('\r\n'),
    { labels: ['INBOX', 'UNREAD'], threadId: confirmation.threadId },
  );
}

describe('the sync state', () => {
  it('the first run reads everything and keeps a state (mode 0600); a run with no change costs getProfile and history.list', async () => {
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
});
