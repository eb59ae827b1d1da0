// Which `followup run` processes are going now, so `followup status` can say who holds the lock
// (the lock itself, a proper-lockfile directory, records no owner). One small file per process,
// removed when the run ends; a file left by a killed process is ignored once its pid is gone.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MARKERS_DIR = 'running';

export interface RunningRun {
  pid: number;
  /** ISO 8601. */
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function removeDead(folder: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = Number(/^(\d{1,10})\.json$/.exec(name)?.[1]);
    if (Number.isInteger(pid) && !alive(pid)) await rm(join(folder, name), { force: true });
  }
}

/** Marks this process as running (and forgets runs that were killed); the returned function removes the mark. */
export async function markRunning(dir: string, startedAt: Date, pid: number = process.pid): Promise<() => Promise<void>> {
  const folder = join(dir, MARKERS_DIR);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await removeDead(folder);
  const path = join(folder, `${pid}.json`);
  await writeFile(path, `${JSON.stringify({ pid, startedAt: startedAt.toISOString() })}\n`, { mode: 0o600 });
  return () => rm(path, { force: true });
}

/** The runs still going, oldest first (the oldest is the one most likely holding the lock). */
export async function runningRuns(dir: string): Promise<RunningRun[]> {
  let names: string[];
  try {
    names = await readdir(join(dir, MARKERS_DIR));
  } catch {
    return [];
  }
  const runs: RunningRun[] = [];
  for (const name of names.filter((n) => /^\d{1,10}\.json$/.test(n))) {
    try {
      const run = JSON.parse(await readFile(join(dir, MARKERS_DIR, name), 'utf8')) as RunningRun;
      if (Number.isInteger(run.pid) && typeof run.startedAt === 'string' && alive(run.pid)) runs.push(run);
    } catch {
      // removed meanwhile, or half written
    }
  }
  return runs.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}
