// Shared by the Gmail tests: fixtures, a real @googleapis/gmail client pointed at the local server,
// and a limiter whose retries and quota windows are fast.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { gmail_v1 } from '@googleapis/gmail';
import { expect } from 'vitest';
import { buildGmailClient } from '../../src/gmail/client.ts';
import { createGmailLimiter, type GmailLimiter, type GmailLimiterOptions } from '../../src/gmail/limiter.ts';
import { DEMO_MBOX, tempHome } from './cli.ts';
import { startGmailServer, type GmailServer } from './gmail-server.ts';

const FIXTURES = fileURLToPath(new URL('../gmail/fixtures/', import.meta.url));

/** A real RFC 5322 message (CRLF) from test/gmail/fixtures. */
export function gmailFixture(name: string): Buffer {
  return readFileSync(`${FIXTURES}${name}.eml`);
}

/** The local Gmail server holding the demo job search (fixtures/demo/mailbox.mbox) as Alex's mailbox. */
export async function demoGmailServer(): Promise<GmailServer> {
  const server = await startGmailServer({ userEmail: 'alex.doe@example.com' });
  await server.loadMbox(await readFile(DEMO_MBOX));
  return server;
}

/** For a test of the CLI against Gmail: the demo server, and a home of its own for the CLI. */
export async function demoGmailRun(): Promise<{ server: GmailServer; home: Awaited<ReturnType<typeof tempHome>> }> {
  return { server: await demoGmailServer(), home: await tempHome() };
}

/** After a test: the server was asked nothing forbidden (a send, an insert, a delete of mail); then it
 *  is closed. */
export async function closeChecked(server: GmailServer | undefined): Promise<void> {
  if (server === undefined) return;
  expect(server.forbidden).toEqual([]);
  await server.close();
}

/** What points the CLI at the server, signed in with the server's token. */
export function gmailEnv(server: GmailServer): { FOLLOWUP_GMAIL_ROOT_URL: string; FOLLOWUP_GMAIL_ACCESS_TOKEN: string } {
  return { FOLLOWUP_GMAIL_ROOT_URL: server.url, FOLLOWUP_GMAIL_ACCESS_TOKEN: server.token! };
}

/** The client the CLI would build with FOLLOWUP_GMAIL_ROOT_URL and FOLLOWUP_GMAIL_ACCESS_TOKEN. */
export function clientFor(server: GmailServer, timeoutMs?: number): Promise<gmail_v1.Gmail> {
  const env = { FOLLOWUP_GMAIL_ROOT_URL: server.url, FOLLOWUP_GMAIL_ACCESS_TOKEN: server.token ?? 'any' };
  return buildGmailClient({ env, ...(timeoutMs ? { timeoutMs } : {}) });
}

/** Retries after ~1 ms instead of seconds; Retry-After waits are recorded, not slept; a quota so
 *  large it never throttles unless a test sets one. */
export function fastLimiter(options: GmailLimiterOptions = {}, sleeps: number[] = []): GmailLimiter {
  return createGmailLimiter({
    quotaUnitsPerMinute: 1_000_000,
    ...options,
    retry: {
      minTimeout: 1,
      maxTimeout: 4,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options.retry,
    },
  });
}
