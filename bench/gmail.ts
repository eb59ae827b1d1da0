// npm run bench:gmail (node bench/gmail.ts [--threads N] [--interviews M] [--max-concurrent K])
// Reads a generated job search (default 200 interviews over 2,000 threads) through the Gmail
// adapter from the local Gmail-compatible server with 50 ms latency per request and the per-user
// quota enforced at 6,000 units a minute, and compares the wall time with the floor the quota sets
// (units ÷ 100 per second). Expect about 3.5 minutes at full size: 2,000 threads.get alone are
// 20,000 units, a 200 s floor. `--threads 300` takes about half a minute. `--max-concurrent 3`
// makes the server refuse a 4th request in flight (429, as Gmail does), to watch the retries.
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { gmailMailbox } from '../src/gmail/gmail-mailbox.ts';
import { createGmailLimiter, type GmailLimiter } from '../src/gmail/limiter.ts';
import type { MailboxContents } from '../src/mailbox/port.ts';
import { queryForInterviews } from '../src/mailbox/query-for-interviews.ts';
import { clientFor } from '../test/helpers/gmail-test-kit.ts';
import { startGmailServer, type GmailServer, type GmailServerOptions } from '../test/helpers/gmail-server.ts';
import { loadSyntheticMailbox } from '../test/helpers/gmail-synthetic-mailbox.ts';

const QUOTA_PER_MINUTE = 6000;
const LATENCY_MS = 50;

const { values } = parseArgs({
  options: { threads: { type: 'string', default: '2000' }, interviews: { type: 'string' }, 'max-concurrent': { type: 'string' } },
});
const maxConcurrent = values['max-concurrent'] === undefined ? undefined : Number(values['max-concurrent']);
const threads = Number(values.threads);
const interviews = Number(values.interviews ?? Math.max(1, Math.round(threads / 10)));
if (!Number.isInteger(threads) || threads < 1 || !Number.isInteger(interviews) || interviews < 1) {
  throw new Error('usage: node bench/gmail.ts [--threads N] [--interviews M]');
}

interface Run {
  server: GmailServer;
  limiter: GmailLimiter;
  result: MailboxContents;
  wallMs: number;
}

async function run(serverOptions: GmailServerOptions, limiter: GmailLimiter): Promise<Run> {
  const server = await startGmailServer({ userEmail: 'sam@example.com', ...serverOptions });
  const list = await loadSyntheticMailbox(server, { interviews, threads });
  const mailbox = gmailMailbox(await clientFor(server), { limiter });
  const started = performance.now();
  let lastShown = 0;
  const result = await mailbox.read(queryForInterviews(list), {
    onProgress: ({ threadsFetched = 0, threadsTotal = 0 }) => {
      if (threadsFetched - lastShown < 250 && threadsFetched !== threadsTotal) return;
      lastShown = threadsFetched;
      process.stderr.write(`  ${threadsFetched}/${threadsTotal} threads, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    },
  });
  const wallMs = performance.now() - started;
  await server.close();
  return { server, limiter, result, wallMs };
}

function row(label: string, value: string | number): string {
  return `${label.padEnd(47)} ${value}`;
}

process.stderr.write(`Baseline: no latency, no quota (${interviews} interviews, ${threads} threads)…\n`);
const baseline = await run({}, createGmailLimiter({ quotaUnitsPerMinute: 1e9, concurrency: 5 }));
process.stderr.write(`Measured: ${LATENCY_MS} ms latency, quota ${QUOTA_PER_MINUTE} units/min…\n`);
const measured = await run(
  {
    latencyMs: LATENCY_MS,
    quota: { unitsPerWindow: QUOTA_PER_MINUTE, windowMs: 60_000, status: 403 },
    ...(maxConcurrent ? { maxConcurrent } : {}),
  },
  createGmailLimiter({ quotaUnitsPerMinute: QUOTA_PER_MINUTE, concurrency: 5 }),
);

const { counters } = measured.server;
// The floor counts the units Gmail charged; refused attempts (429) still cost the client a slot.
const floorS = counters.units / (QUOTA_PER_MINUTE / 60);
const wallS = measured.wallMs / 1000;
const refused = counters.rateLimited + counters.concurrencyLimited;
const retried = measured.limiter.stats().retries;
const identical = isDeepStrictEqual(measured.result, baseline.result);
const perApi = Object.entries(measured.server.countByApi()).map(([api, n]) => `${api} ${n}`).join(', ');

console.log(
  [
    row('interviews / threads in the mailbox', `${interviews} / ${threads} (+ ${Math.floor(threads / 3)} unrelated)`),
    row('threads read / drafts found / warnings', `${measured.result.threads.length} / ${measured.result.drafts.length} / ${measured.result.warnings.length}`),
    row('requests', `${counters.requests} (${perApi})`),
    row('quota units (charged / sent, refused included)', `${counters.units} / ${measured.limiter.stats().units}`),
    row('wall time', `${wallS.toFixed(1)} s`),
    row('quota floor (units ÷ 100 per s)', `${floorS.toFixed(1)} s`),
    row('ratio to floor (target ≤ 1.5)', (wallS / floorS).toFixed(2)),
    row('429/403 rate-limit responses', `${refused} (quota ${counters.rateLimited}, concurrency ${counters.concurrencyLimited})`),
    row('retried / left unretried', `${retried} / ${Math.max(0, refused - retried)}`),
    row('most requests in flight', counters.maxInFlight),
    row('baseline wall time (no latency, no quota)', `${(baseline.wallMs / 1000).toFixed(1)} s`),
    row('results identical to baseline', identical ? 'yes' : 'NO'),
  ].join('\n'),
);
if (!identical || refused > retried) process.exitCode = 1;
