import { appendFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRun, readRuns, runHistoryPath, succeeded, type RunRecord } from '../../src/state/run-history.ts';

const record = (n: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  startedAt: new Date(Date.UTC(2026, 10, 24, n)).toISOString(),
  durationMs: 1000 + n,
  exitCode: 0,
  outcome: 'ok',
  source: 'gmail',
  draftsCreated: n,
  draftsFailed: 0,
  unreadableMessages: 0,
  ...extra,
});

describe('the run history', () => {
  it('is empty before the first run, then one JSON line per run, oldest first, readable only by the user', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'followup-history-')), 'state');
    expect(await readRuns(dir)).toEqual([]);
    await appendRun(dir, record(1));
    await appendRun(dir, record(2, { exitCode: 3, outcome: 'auth', draftsCreated: undefined }));
    expect(await readRuns(dir)).toEqual([record(1), { ...record(2, { exitCode: 3, outcome: 'auth' }), draftsCreated: undefined }].map((r) => JSON.parse(JSON.stringify(r))));
    expect((await readFile(runHistoryPath(dir), 'utf8')).trim().split('\n')).toHaveLength(2);
    expect((await stat(runHistoryPath(dir))).mode & 0o777).toBe(0o600);
  });

  it('stays bounded: past keep + slack it is cut back to the last `keep` runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'followup-history-'));
    for (let n = 0; n < 11; n++) await appendRun(dir, record(n), 5);
    const kept = await readRuns(dir);
    expect(kept.map((r) => r.draftsCreated)).toEqual([6, 7, 8, 9, 10]);
    for (let n = 11; n < 16; n++) await appendRun(dir, record(n), 5);
    expect((await readRuns(dir)).map((r) => r.draftsCreated)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('skips a line cut short by a crash, keeping the others', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'followup-history-'));
    await appendRun(dir, record(1));
    await appendFile(runHistoryPath(dir), '{"startedAt":"2026-11-24T0');
    await appendFile(runHistoryPath(dir), '\n{"unrelated":true}\n');
    await appendRun(dir, record(2));
    expect((await readRuns(dir)).map((r) => r.draftsCreated)).toEqual([1, 2]);
  });

  it('counts a run as worked when it exited 0, or 5 for unreadable messages alone', () => {
    expect(succeeded(record(1))).toBe(true);
    expect(succeeded(record(1, { exitCode: 5, outcome: 'partial', unreadableMessages: 2 }))).toBe(true);
    expect(succeeded(record(1, { exitCode: 5, outcome: 'partial', draftsFailed: 1 }))).toBe(false);
    expect(succeeded(record(1, { exitCode: 4, outcome: 'gmail' }))).toBe(false);
    expect(succeeded(record(1, { exitCode: 6, outcome: 'locked' }))).toBe(false);
  });
});
