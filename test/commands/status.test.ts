import { access, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAndDecide } from '../../src/commands/gather.ts';
import { outcomeName, startRunRecording } from '../../src/commands/run-recording.ts';
import { mboxSource } from '../../src/commands/source.ts';
import { gatherStatus, statusCommand } from '../../src/commands/status.ts';
import { renderStatus } from '../../src/commands/status-render.ts';
import { loadConfig } from '../../src/config/load.ts';
import { EXIT } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { readFollowUpSummary } from '../../src/state/follow-up-summary.ts';
import { withLock } from '../../src/state/lock.ts';
import { markRunning } from '../../src/state/run-markers.ts';
import { appendRun, readRuns, type RunRecord } from '../../src/state/run-history.ts';
import { DEMO_CONFIG, DEMO_MBOX, DEMO_NOW } from '../helpers/cli.ts';

const NOW = new Date('2026-11-24T09:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString();

async function home() {
  const dir = await mkdtemp(join(tmpdir(), 'followup-status-'));
  const env = { HOME: dir, XDG_STATE_HOME: join(dir, 'state'), XDG_CONFIG_HOME: join(dir, 'config') };
  return { dir, env, state: join(dir, 'state', 'interview-followup'), token: join(dir, 'config', 'interview-followup', 'token.json') };
}

function run(hours: number, exitCode: number, extra: Partial<RunRecord> = {}): RunRecord {
  return { startedAt: hoursAgo(hours), durationMs: 2300, exitCode, outcome: outcomeName(exitCode), source: 'gmail', ...extra };
}

async function statusAfter(runs: RunRecord[], extraEnv: Record<string, string> = {}) {
  const h = await home();
  for (const r of runs) await appendRun(h.state, r);
  return gatherStatus({ env: { ...h.env, ...extraEnv }, now: NOW, timezone: 'UTC' });
}

async function saveToken(path: string, fields: Record<string, unknown>) {
  await mkdir(join(path, '..'), { recursive: true });
  const user = { type: 'authorized_user', client_id: 'c.apps.googleusercontent.com', client_secret: 's', refresh_token: '1//r', ...fields };
  await writeFile(path, JSON.stringify(user), { mode: 0o600 });
}

describe('followup status: is it working?', () => {
  it('is unhealthy before any run was recorded', async () => {
    const status = await statusAfter([]);
    expect(status).toMatchObject({ healthy: false, runs: [], runsRecorded: 0, signIn: { kind: 'none' }, lock: { held: false } });
    expect(status.problems).toEqual(['no run recorded yet: install the schedule (`followup schedule --install`) or run `followup run`']);
  });

  it('is healthy when the last run worked within 24 hours; lists runs newest first', async () => {
    const status = await statusAfter([run(3, EXIT.gmail), run(2, EXIT.ok, { draftsCreated: 2, draftsFailed: 0, unreadableMessages: 0 })]);
    expect(status.healthy).toBe(true);
    expect(status.runs.map((r) => r.exitCode)).toEqual([0, 4]);
    expect(status.lastSuccessAt).toBe(hoursAgo(2));
    const text = renderStatus(status, 'UTC');
    expect(text).toContain('  Tue Nov 24 07:00        2.3 s  ok: drafts created 2, failed 0, unreadable messages 0\n');
    expect(text).toContain('Last successful run: Tue Nov 24 07:00 (2 h ago).');
    expect(text.trimEnd().endsWith('OK: the last run worked, within the last 24 hours.')).toBe(true);
  });

  it('is unhealthy when the last run failed, saying how and what to do', async () => {
    const status = await statusAfter([run(2, EXIT.ok), run(1, EXIT.gmail)]);
    expect(status.healthy).toBe(false);
    expect(status.problems).toEqual([
      'the last run (Tue Nov 24 08:00) failed: Gmail refused or failed after retries (exit 4); its log says more (logs/followup.log in the state folder, or journalctl --user -u interview-followup)',
    ]);
    expect(renderStatus(status, 'UTC')).toMatch(/^PROBLEM: the last run \(Tue Nov 24 08:00\) failed: Gmail refused/m);
    const auth = await statusAfter([run(1, EXIT.auth)]);
    expect(auth.problems[0]).toMatch(/Google sign-in missing, expired or refused \(exit 3\); sign in again with `followup auth`$/);
  });

  it('does not count a run that found another one going (exit 6)', async () => {
    expect((await statusAfter([run(2, EXIT.ok), run(1, EXIT.locked)])).healthy).toBe(true);
  });

  it('is unhealthy when no run worked in the last 24 hours', async () => {
    const status = await statusAfter([run(30, EXIT.ok), run(26, EXIT.locked)]);
    expect(status.problems).toEqual(['no run succeeded in the last 24 hours (the last that did: Mon Nov 23 03:00)']);
    expect((await statusAfter([run(1, EXIT.config)])).problems).toEqual([
      'the last run (Tue Nov 24 08:00) failed: the config is missing or invalid (exit 2); `followup report` lists the problems',
      'no run has succeeded yet',
    ]);
  });

  it('a run that only skipped unreadable messages worked; one with failed drafts did not', async () => {
    const skipped = await statusAfter([run(1, EXIT.partial, { draftsCreated: 1, draftsFailed: 0, unreadableMessages: 2 })]);
    expect(skipped.healthy).toBe(true);
    expect(skipped.warnings).toEqual(['the last run skipped 2 unreadable message(s): see its log']);
    expect((await statusAfter([run(1, EXIT.partial, { draftsCreated: 1, draftsFailed: 1 })])).healthy).toBe(false);
  });
});

describe('followup status: the sign-in and the lock', () => {
  it('warns from day 5 of an OAuth app in Testing, and an expired sign-in is a problem', async () => {
    const h = await home();
    await appendRun(h.state, run(1, EXIT.ok));
    const fresh = { issued_at: hoursAgo(24), refresh_token_expires_at: new Date(NOW.getTime() + 6 * 86_400_000).toISOString(), last_refresh_at: hoursAgo(1) };
    await saveToken(h.token, fresh);
    const day1 = await gatherStatus({ env: h.env, now: NOW, timezone: 'UTC' });
    expect(day1).toMatchObject({ healthy: true, warnings: [], signIn: { kind: 'saved', ageDays: 1, testing: true, expiringSoon: false } });
    expect(renderStatus(day1, 'UTC')).toContain('Google sign-in: signed in Mon Nov 23 09:00 (1 days ago), last refreshed Tue Nov 24 08:00; OAuth app in Testing: the sign-in expires on Mon Nov 30 09:00.');

    await saveToken(h.token, { ...fresh, issued_at: hoursAgo(5 * 24), refresh_token_expires_at: new Date(NOW.getTime() + 2 * 86_400_000).toISOString() });
    const day5 = await gatherStatus({ env: h.env, now: NOW, timezone: 'UTC' });
    expect(day5.healthy).toBe(true);
    expect(day5.warnings).toEqual(['your Google sign-in expires on Thu Nov 26 09:00 (OAuth app in Testing); run `followup auth` again or publish the app']);

    await saveToken(h.token, { ...fresh, issued_at: hoursAgo(8 * 24), refresh_token_expires_at: hoursAgo(24) });
    const expired = await gatherStatus({ env: h.env, now: NOW, timezone: 'UTC' });
    expect(expired.healthy).toBe(false);
    expect(expired.problems[0]).toMatch(/^your Google sign-in expired on Mon Nov 23 09:00/);
  });

  it('reads an old token file without dates, a damaged one, and a static token', async () => {
    const h = await home();
    await saveToken(h.token, {});
    const old = await gatherStatus({ env: h.env, now: NOW, timezone: 'UTC' });
    expect(old.signIn).toEqual({ kind: 'saved', testing: false, expiringSoon: false, expired: false });
    expect(renderStatus(old, 'UTC')).toContain('Google sign-in: signed in (date not recorded: before this version), no refresh recorded.');
    await writeFile(h.token, 'garbage');
    expect((await gatherStatus({ env: h.env, now: NOW, timezone: 'UTC' })).signIn).toMatchObject({ kind: 'unusable' });
    expect((await gatherStatus({ env: { ...h.env, FOLLOWUP_GMAIL_ACCESS_TOKEN: 't' }, now: NOW, timezone: 'UTC' })).signIn).toEqual({ kind: 'static-token' });
  });

  it('names the run holding the lock', async () => {
    const h = await home();
    const lock = await withLock(h.state, async () => {
      const unmark = await markRunning(h.state, NOW);
      try {
        return (await gatherStatus({ env: h.env, now: NOW, timezone: 'UTC' })).lock;
      } finally {
        await unmark();
      }
    });
    expect(lock).toEqual({ held: true, pid: process.pid, since: NOW.toISOString() });
    expect((await gatherStatus({ env: h.env, now: NOW, timezone: 'UTC' })).lock).toEqual({ held: false });
  });

  it('statusCommand prints JSON with --json and returns the verdict', async () => {
    const h = await home();
    const out: string[] = [];
    expect(await statusCommand({ json: true, now: NOW, env: h.env, timezone: 'UTC', out: (t) => out.push(t) })).toBe(false);
    expect(JSON.parse(out.join(''))).toMatchObject({ healthy: false, now: NOW.toISOString() });
  });
});

describe('recording a run', () => {
  it('makes the folders, warns about an expiring sign-in, saves the follow-ups and appends the history line', async () => {
    const h = await home();
    await saveToken(h.token, { issued_at: hoursAgo(6 * 24), refresh_token_expires_at: new Date(NOW.getTime() + 86_400_000).toISOString() });
    const lines: string[] = [];
    const log = createLogger({ format: 'json', level: 'info', write: (l) => lines.push(l) });
    let clock = NOW;
    const recording = await startRunRecording({ mbox: false, log, env: h.env, clock: () => clock });
    await access(join(h.state, 'logs'));
    expect(await readdir(join(h.state, 'running'))).toEqual([`${process.pid}.json`]);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'warn', event: 'google sign-in expiring', message: expect.stringMatching(/^your Google sign-in expires on/) }),
    ]);

    const config = await loadConfig(DEMO_CONFIG);
    const { decision } = await readAndDecide({ config, source: await mboxSource(DEMO_MBOX), now: new Date(DEMO_NOW), ledger: { version: 1, entries: [] } });
    await recording.done({ decision, counts: { created: 2, adopted: 0, discarded: 0, failed: 1 } });
    clock = new Date(NOW.getTime() + 4200);
    await recording.finish(EXIT.partial);

    expect(await readRuns(h.state)).toEqual([
      { startedAt: NOW.toISOString(), durationMs: 4200, exitCode: 5, outcome: 'partial', source: 'gmail', draftsCreated: 2, draftsFailed: 1, unreadableMessages: 0 },
    ]);
    expect((await readFollowUpSummary(h.state))?.interviews.map((i) => i.id)).toEqual(decision.interviews.map((i) => i.interview.id));
    expect(await readdir(join(h.state, 'running'))).toEqual([]);
  });

  it('records a run that failed before it read anything, with no counts', async () => {
    const h = await home();
    const recording = await startRunRecording({ mbox: true, log: createLogger({ format: 'text', level: 'info', write: () => {} }), env: h.env, clock: () => NOW });
    await recording.finish(EXIT.config);
    expect(await readRuns(h.state)).toEqual([{ startedAt: NOW.toISOString(), durationMs: 0, exitCode: 2, outcome: 'config', source: 'mbox' }]);
  });
});
