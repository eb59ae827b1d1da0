// Shared by the Gmail tests: fixtures, a real @googleapis/gmail client pointed at the local server,
// and a limiter whose retries and quota windows are fast.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { gmail_v1 } from '@googleapis/gmail';
import { buildGmailClient } from '../../src/gmail/client.ts';
import { createGmailLimiter, type GmailLimiter, type GmailLimiterOptions } from '../../src/gmail/limiter.ts';
import type { GmailServer } from './gmail-server.ts';

const FIXTURES = fileURLToPath(new URL('../gmail/fixtures/', import.meta.url));

/** A real RFC 5322 message (CRLF) from test/gmail/fixtures. */
export function gmailFixture(name: string): Buffer {
  return readFileSync(`${FIXTURES}${name}.eml`);
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
