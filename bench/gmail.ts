// npm run bench:gmail (node bench/gmail.ts [--threads N] [--interviews M] [--max-concurrent K])
// Reads a generated job search (default 200 interviews over 2,000 threads) through the Gmail
// adapter from the local Gmail-compatible server with 50 ms latency per request and the per-user
// quota enforced at 6,000 units a minute, as a run reads it (getProfile, the send-as list, the
// invitation searches, the interviews' mail), and compares the wall time with the floor the quota
// sets (units ÷ 100 per second). Expect about 3.5 minutes at full size: 2,000 threads.get alone are
// 20,000 units, a 200 s floor. Then the same mailbox as the next runs see it, from the sync state the
// first one kept: a run with no change, and a run after one new reply. `--threads 300` takes about
// half a minute. `--max-concurrent 3` makes the server refuse a 4th request in flight (429, as Gmail
// does), to watch the retries.
import { gzipSync } from 'node:zlib';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import type { gmail_v1 } from '@googleapis/gmail';
import type { Interview } from '../src/core/types.ts';
import { gmailMailbox } from '../src/gmail/gmail-mailbox.ts';
import { createGmailLimiter, type GmailLimiter } from '../src/gmail/limiter.ts';
import { gmailProfile, sendAsIdentity } from '../src/gmail/profile.ts';
import { decodeSyncState, encodeSyncState } from '../src/gmail/sync/sync-codec.ts';
import type { SyncState } from '../src/gmail/sync/sync-model.ts';
import type { MailboxContents } from '../src/mailbox/port.ts';
import { queryForInterviews } from '../src/mailbox/query-for-interviews.ts';
import { clientFor } from '../test/helpers/gmail-test-kit.ts';
import { startGmailServer, type GmailServer, type LogEntry } from '../test/helpers/gmail-server.ts';
import { loadSyntheticMailbox, ME } from '../test/helpers/gmail-synthetic-mailbox.ts';

const QUOTA_PER_MINUTE = 6000;
const LATENCY_MS = 50;
const NOW = new Date('2026-11-24T14:00:00Z');
const INVITATIONS_SINCE = new Date(NOW.getTime() - 90 * 86_400_000);

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
  result: MailboxContents;
  state: SyncState;
  requests: LogEntry[];
  limiter: GmailLimiter;
  wallMs: number;
}

function limiterFor(quota: boolean): GmailLimiter {
  return createGmailLimiter({ quotaUnitsPerMinute: quota ? QUOTA_PER_MINUTE : 1e9, concurrency: 5 });
}

function progress(started: number) {
  let lastShown = 0;
  return ({ threadsFetched = 0, threadsTotal = 0 }) => {
    if (threadsFetched - lastShown < 250 && threadsFetched !== threadsTotal) return;
    lastShown = threadsFetched;
    process.stderr.write(`  ${threadsFetched}/${threadsTotal} threads, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  };
}

/** One run's Gmail reads, as src/commands/gmail-source.ts and gather.ts make them. */
async function run(server: GmailServer, gmail: gmail_v1.Gmail, list: Interview[], previous: SyncState | undefined, quota: boolean): Promise<Run> {
  const limiter = limiterFor(quota);
  const before = server.log.length;
  const started = performance.now();
  const profile = await gmailProfile(gmail, limiter);
  const identity = previous?.identity ?? { ...(await sendAsIdentity(gmail, limiter, profile.email)), fetchedAt: NOW };
  const mailbox = gmailMailbox(gmail, { limiter, sync: { ...(previous ? { previous } : {}), ...(profile.historyId ? { profileHistoryId: profile.historyId } : {}) } });
  await mailbox.readInvitations(INVITATIONS_SINCE);
  const result = await mailbox.read(queryForInterviews(list), { onProgress: progress(started) });
  const state = await mailbox.nextSyncState(identity);
  const wallMs = performance.now() - started;
  return { result, state, requests: server.log.slice(before), limiter, wallMs };
}

/** What the next run reads: the state as saved and read back. */
function kept(state: SyncState): { state: SyncState; json: number; gz: number } {
  const text = encodeSyncState(state);
  const decoded = decodeSyncState(text);
  if (!decoded.ok) throw new Error(`the sync state does not read back: ${decoded.problem}`);
  return { state: decoded.state, json: Buffer.byteLength(text), gz: gzipSync(text).length };
}

/** A reply from the company in the first interview's first thread. */
async function reply(server: GmailServer): Promise<void> {
  const parent = [...server.store.messages.values()].find((m) => m.messageId === '<interview-0.0.0@company0.example>')!;
  await server.addMessage(
    [
      'Message-ID: <bench-reply@company0.example>',
      `Date: ${NOW.toUTCString().replace('GMT', '+0000')}`,
      'From: Person 0 Of0 <person0@company0.example>',
      `To: ${ME.emails[0]}`,
      `Subject: Re: ${parent.subject}`,
      `In-Reply-To: ${parent.messageId}`,
      `References: ${parent.messageId}`,
      '',
      'Thanks, Sam. We will be in touch next week.',
      '',
    ].join('\r\n'),
    { threadId: parent.threadId, internalDate: NOW },
  );
}

async function serverWith(options: Parameters<typeof startGmailServer>[0]): Promise<{ server: GmailServer; gmail: gmail_v1.Gmail; list: Interview[] }> {
  const server = await startGmailServer({ userEmail: ME.emails[0], now: () => NOW.getTime(), ...options });
  const list = await loadSyntheticMailbox(server, { interviews, threads });
  return { server, gmail: await clientFor(server), list };
}

process.stderr.write(`Baseline: no latency, no quota (${interviews} interviews, ${threads} threads)…\n`);
const base = await serverWith({});
const baseline = await run(base.server, base.gmail, base.list, undefined, false);
process.stderr.write(`Measured: ${LATENCY_MS} ms latency, quota ${QUOTA_PER_MINUTE} units/min: the first run (full sync)…\n`);
const live = await serverWith({ latencyMs: LATENCY_MS, quota: { unitsPerWindow: QUOTA_PER_MINUTE, windowMs: 60_000, status: 403 }, ...(maxConcurrent ? { maxConcurrent } : {}) });
const first = await run(live.server, live.gmail, live.list, undefined, true);
const firstKept = kept(first.state);
process.stderr.write('The next run, nothing new…\n');
live.server.resetQuota();
const quiet = await run(live.server, live.gmail, live.list, firstKept.state, true);
process.stderr.write('The run after one new reply…\n');
live.server.resetQuota();
await reply(live.server);
const replied = await run(live.server, live.gmail, live.list, kept(quiet.state).state, true);
await reply(base.server);
const fullAfterReply = await run(base.server, base.gmail, base.list, undefined, false);
await live.server.close();
await base.server.close();

const units = (requests: LogEntry[]) => requests.reduce((sum, r) => sum + r.units, 0);
const refusedOf = (requests: LogEntry[]) => requests.filter((r) => r.status === 403 || r.status === 429).length;
// The floor counts the units Gmail charged; refused attempts (429) still cost the client a slot.
const floorS = units(first.requests) / (QUOTA_PER_MINUTE / 60);
const wallS = first.wallMs / 1000;
const refused = refusedOf(first.requests);
const retried = first.limiter.stats().retries;
const identical = isDeepStrictEqual(first.result, baseline.result);
const incrementalIdentical = isDeepStrictEqual(quiet.result, first.result) && isDeepStrictEqual(replied.result, fullAfterReply.result);
function perApi(requests: LogEntry[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r.api ?? '?', (counts.get(r.api ?? '?') ?? 0) + 1);
  return [...counts].map(([api, n]) => `${api} ${n}`).join(', ');
}
const row = (label: string, value: string | number) => `${label.padEnd(47)} ${value}`;
const sync = (r: Run) => `${r.requests.length} requests, ${units(r.requests)} units, ${(r.wallMs / 1000).toFixed(2)} s (${perApi(r.requests)})`;

console.log(
  [
    row('interviews / threads in the mailbox', `${interviews} / ${threads} (+ ${Math.floor(threads / 3)} unrelated)`),
    row('threads read / drafts found / warnings', `${first.result.threads.length} / ${first.result.drafts.length} / ${first.result.warnings.length}`),
    row('requests', `${first.requests.length} (${perApi(first.requests)})`),
    row('quota units (charged / sent, refused included)', `${units(first.requests)} / ${first.limiter.stats().units}`),
    row('wall time', `${wallS.toFixed(1)} s`),
    row('quota floor (units ÷ 100 per s)', `${floorS.toFixed(1)} s`),
    row('ratio to floor (target ≤ 1.5)', (wallS / floorS).toFixed(2)),
    row('429/403 rate-limit responses', refused),
    row('retried / left unretried', `${retried} / ${Math.max(0, refused - retried)}`),
    row('most requests in flight', live.server.counters.maxInFlight),
    row('baseline wall time (no latency, no quota)', `${(baseline.wallMs / 1000).toFixed(1)} s`),
    row('results identical to baseline', identical ? 'yes' : 'NO'),
    row('sync: first run (full sync)', sync(first)),
    row('sync: a run with no change (≤ 3 req, ≤ 10 u)', sync(quiet)),
    row('sync: a run after one new reply (≤ 6 req)', sync(replied)),
    row('sync state kept', `${(firstKept.gz / 1e6).toFixed(2)} MB gzipped (${(firstKept.json / 1e6).toFixed(2)} MB JSON), ${first.state.threads.length} threads`),
    row('incremental results identical to a full read', incrementalIdentical ? 'yes' : 'NO'),
  ].join('\n'),
);
if (!identical || !incrementalIdentical || refused > retried) process.exitCode = 1;
