import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPartial, runCommand, type RunResult } from '../../src/commands/run.ts';
import type { Source } from '../../src/commands/source.ts';
import { loadConfig } from '../../src/config/load.ts';
import { gmailDraftStore } from '../../src/gmail/gmail-draft-store.ts';
import { gmailMailbox } from '../../src/gmail/gmail-mailbox.ts';
import { createLogger } from '../../src/log.ts';
import { DEMO_CONFIG, DEMO_NOW } from '../helpers/cli.ts';
import type { GmailServer } from '../helpers/gmail-server.ts';
import { clientFor, demoGmailServer, fastLimiter } from '../helpers/gmail-test-kit.ts';

// Never a confident wrong draft: a Gmail thread that cannot be read holds back the new drafts of
// the interview it may concern — and only of that one — until a later run reads it.

// The Acme confirmation thread of the demo mailbox (X-GM-THRID 1850000000000000001).
const ACME_THREAD = BigInt('1850000000000000001').toString(16);

let server: GmailServer;
let stateDir: string;

beforeEach(async () => {
  server = await demoGmailServer();
  stateDir = await mkdtemp(join(tmpdir(), 'followup-unread-'));
});

afterEach(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  expect(server.forbidden).toEqual([]);
  await server.close();
});

async function source(): Promise<Source> {
  const gmail = await clientFor(server);
  const limiter = fastLimiter();
  return { mailbox: gmailMailbox(gmail, { limiter }), mailboxId: 'gmail:alex.doe@example.com', store: gmailDraftStore(gmail, { limiter }), myAddresses: [] };
}

async function run(): Promise<RunResult> {
  const config = await loadConfig(DEMO_CONFIG);
  const log = createLogger({ format: 'text', level: 'error', write: () => {} });
  return runCommand({ config, source: await source(), stateDir, now: new Date(DEMO_NOW), wait: false, log });
}

function recipients(): string[] {
  return server.drafts().map((d) => /^To: .*<([^>]+)>/m.exec(d.raw.toString('latin1'))?.[1] ?? '').sort();
}

function acmeOf(result: RunResult) {
  return result.decision.interviews.find((i) => i.interview.id === 'acme-backend')!;
}

async function expectHeldBackThenDrafted(first: RunResult): Promise<void> {
  expect(isPartial(first)).toBe(true);
  const acme = acmeOf(first);
  expect(acme.unread.length).toBeGreaterThan(0);
  expect(acme.actions.filter((a) => a.draft === 'created' || a.draft === 'planned')).toEqual([]);
  expect(acme.notes.join('\n')).toMatch(/incomplete read — nothing new is drafted .* not drafted: thank-you to Jane Smith/);
  // The other interviews go ahead.
  expect(recipients()).toEqual(['dana.kim@hooli.example', 'priya.nair@globex.example']);
  for (const other of first.decision.interviews.filter((i) => i.interview.id !== 'acme-backend')) expect(other.unread).toEqual([]);

  const second = await run();
  expect(isPartial(second)).toBe(false);
  expect(acmeOf(second).actions).toEqual([expect.objectContaining({ kind: 'thank-you', draft: 'created' })]);
  expect(recipients()).toEqual(['dana.kim@hooli.example', 'jane.smith@acme.example', 'priya.nair@globex.example']);
}

describe('a thread Gmail will not give', () => {
  it('a persistent 500 on its threads.get (local server): no draft for its interview, drafts for the others; the next run drafts it', async () => {
    server.failNext(1_000, { status: 500, reason: 'backendError' }, (api, path) => api === 'threads.get' && path.endsWith(`/threads/${ACME_THREAD}`));
    const first = await run();
    expect(first.decision.warnings).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'gmail-thread-failed', concerns: ['acme-backend'] }),
    ]));
    server.clearFailures();
    await expectHeldBackThenDrafted(first);
  });

  it('the same with nock answering 500 for that thread and the local server for the rest', async () => {
    const origin = server.url.replace(/\/$/, '');
    nock(origin, { allowUnmocked: true }).get(`/gmail/v1/users/me/threads/${ACME_THREAD}`).query(true).times(1_000).reply(500, {
      error: { code: 500, message: 'Backend Error', errors: [{ reason: 'backendError', message: 'Backend Error' }] },
    });
    const first = await run();
    nock.cleanAll();
    await expectHeldBackThenDrafted(first);
  });
});
