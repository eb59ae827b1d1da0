import { spawn } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markRunning, MARKERS_DIR, runningRuns } from '../../src/state/run-markers.ts';

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('run markers', () => {
  it('name the runs going now, and forget one once it ends or its process is gone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'followup-markers-'));
    expect(await runningRuns(dir)).toEqual([]);
    const started = new Date('2026-11-24T09:00:00Z');
    const unmark = await markRunning(dir, started);
    expect(await runningRuns(dir)).toEqual([{ pid: process.pid, startedAt: started.toISOString() }]);

    const dead = await deadPid();
    await writeFile(join(dir, MARKERS_DIR, `${dead}.json`), JSON.stringify({ pid: dead, startedAt: '2026-11-24T08:00:00.000Z' }));
    expect((await runningRuns(dir)).map((r) => r.pid)).toEqual([process.pid]);

    await unmark();
    expect(await runningRuns(dir)).toEqual([]);
    // The next run clears what a killed one left behind.
    const again = await markRunning(dir, started);
    expect(await readdir(join(dir, MARKERS_DIR))).toEqual([`${process.pid}.json`]);
    await again();
  });
});
