import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT, LockedError } from '../../src/errors.ts';
import { LOCK_NAME, STALE_MS, withLock } from '../../src/state/lock.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'followup-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Starts a run that holds the lock until `release` is called; resolves `held` once it has it. */
function holdLock(events: string[]) {
  const held = deferred();
  const release = deferred();
  const done = withLock(dir, async () => {
    events.push('first start');
    held.resolve();
    await release.promise;
    events.push('first end');
    return 'first';
  });
  return { held: held.promise, release: release.resolve, done };
}

describe('withLock', () => {
  it('runs the function while holding the lock and removes the lock after', async () => {
    const result = await withLock(dir, async () => {
      expect((await stat(join(dir, LOCK_NAME))).isDirectory()).toBe(true);
      return 42;
    });
    expect(result).toBe(42);
    await expect(stat(join(dir, LOCK_NAME))).rejects.toThrow(/ENOENT/);
  });

  it('refuses an overlapping run with LockedError (exit 6) when not waiting', async () => {
    const events: string[] = [];
    const first = holdLock(events);
    await first.held;
    const second = withLock(dir, async () => events.push('second start'));
    await expect(second).rejects.toThrow(LockedError);
    await expect(second).rejects.toMatchObject({
      exitCode: EXIT.locked,
      message: `another \`followup run\` is in progress (lock ${join(dir, LOCK_NAME)}); try again later`,
    });
    first.release();
    expect(await first.done).toBe('first');
    expect(events).toEqual(['first start', 'first end']);
  });

  it('runs an overlapping run after the first when waiting', async () => {
    const events: string[] = [];
    const first = holdLock(events);
    await first.held;
    const second = withLock(dir, async () => events.push('second start'), {
      wait: true,
      onBusy: () => {
        events.push('second waits');
        first.release();
      },
    });
    await Promise.all([first.done, second]);
    expect(events).toEqual(['first start', 'second waits', 'first end', 'second start']);
  });

  it('gives up waiting after waitMs with LockedError', async () => {
    const first = holdLock([]);
    await first.held;
    const second = withLock(dir, async () => 'never', { wait: true, waitMs: 300 });
    await expect(second).rejects.toThrow(/still in progress after waiting 300 ms/);
    first.release();
    await first.done;
  });

  it('releases the lock when the function throws', async () => {
    await expect(withLock(dir, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(withLock(dir, async () => 'again')).resolves.toBe('again');
  });

  it('recovers a stale lock left by a process that died holding it', async () => {
    const lockModule = new URL('../../src/state/lock.ts', import.meta.url).href;
    const script = `import { withLock } from ${JSON.stringify(lockModule)};
      await withLock(process.argv[1], async () => { process.kill(process.pid, 'SIGKILL'); await new Promise(() => {}); });`;
    const run = promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, dir]);
    await expect(run).rejects.toMatchObject({ signal: 'SIGKILL' });
    const lockPath = join(dir, LOCK_NAME);
    expect((await stat(lockPath)).isDirectory()).toBe(true);

    // Fresh, it still counts as held: the dead process might only be slow.
    await expect(withLock(dir, async () => 'too soon')).rejects.toThrow(LockedError);

    const past = new Date(Date.now() - STALE_MS - 5_000);
    await utimes(lockPath, past, past);
    await expect(withLock(dir, async () => 'recovered')).resolves.toBe('recovered');
  });
});
