import { afterEach, describe, expect, it } from 'vitest';
import { METHOD_UNITS } from '../../src/gmail/limiter.ts';
import { UNITS } from '../helpers/gmail-server-routes.ts';
import { startGmailServer, type GmailServer, type GmailServerOptions } from '../helpers/gmail-server.ts';
import { clientFor, fastLimiter, gmailFixture } from '../helpers/gmail-test-kit.ts';
import type { GmailLimiterOptions } from '../../src/gmail/limiter.ts';

let server: GmailServer | undefined;
afterEach(() => server?.close());

async function getThreads(serverOptions: GmailServerOptions, limiterOptions: GmailLimiterOptions, count: number) {
  server = await startGmailServer(serverOptions);
  const { threadId } = await server.addMessage(gmailFixture('invite'));
  const gmail = await clientFor(server);
  const limiter = fastLimiter(limiterOptions);
  const results = await Promise.allSettled(
    Array.from({ length: count }, () => limiter.call('threads.get', () => gmail.users.threads.get({ userId: 'me', id: threadId }))),
  );
  return { results, limiter, server };
}

describe('createGmailLimiter', () => {
  it('charges each method what Google’s quota table says', () => {
    for (const [method, units] of Object.entries(METHOD_UNITS)) expect(UNITS[method]).toBe(units);
  });

  it('keeps a burst of requests under the per-user quota, so Gmail never refuses one', async () => {
    const quota = { unitsPerWindow: 200, windowMs: 400 };
    const { results, limiter, server: s } = await getThreads({ quota }, { quotaUnitsPerMinute: 200, quotaWindowMs: 400, retry: { retries: 0 } }, 50);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(s.counters.rateLimited).toBe(0);
    expect(limiter.stats()).toEqual({ requests: 50, units: 500, retries: 0 });
  });

  it('(control) the same burst without the quota gate is refused by the server', async () => {
    const quota = { unitsPerWindow: 200, windowMs: 400 };
    const { results, server: s } = await getThreads({ quota }, { retry: { retries: 0 } }, 50);
    expect(s.counters.rateLimited).toBeGreaterThan(0);
    expect(results.filter((r) => r.status === 'rejected').length).toBe(s.counters.rateLimited);
  });

  it('keeps no more requests in flight than its concurrency', async () => {
    const { results, server: s } = await getThreads({ latencyMs: 20, maxConcurrent: 3 }, { concurrency: 3, retry: { retries: 0 } }, 20);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(s.counters.maxInFlight).toBe(3);
    expect(s.counters.concurrencyLimited).toBe(0);
  });

  it('retries what the server refuses for concurrency, and counts every attempt against the quota', async () => {
    const { results, limiter, server: s } = await getThreads({ latencyMs: 20, maxConcurrent: 2 }, { concurrency: 4, retry: { retries: 10, minTimeout: 10, maxTimeout: 40 } }, 12);
    expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
    expect(s.counters.concurrencyLimited).toBeGreaterThan(0);
    expect(limiter.stats().retries).toBe(s.counters.concurrencyLimited);
    expect(limiter.stats().requests).toBe(12 + s.counters.concurrencyLimited);
  });
});
