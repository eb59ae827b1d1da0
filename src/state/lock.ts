// One `followup run` at a time per state dir. proper-lockfile creates the lock as a directory
// (mkdir is atomic) and refreshes its mtime while held, so a lock whose mtime is older than
// STALE_MS was left by a dead process and is taken over.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { EXIT, FollowupError, LockedError } from '../errors.ts';

export const LOCK_NAME = 'run.lock';
export const STALE_MS = 60_000;
const UPDATE_MS = 15_000;
const DEFAULT_WAIT_MS = 120_000;

export interface LockOptions {
  /** When another run holds the lock: wait for it (up to waitMs) instead of failing at once. */
  wait?: boolean;
  waitMs?: number;
  /** Called once when the lock is busy and we start waiting (to tell the user why nothing happens). */
  onBusy?: () => void;
}

type LockFileOptions = NonNullable<Parameters<typeof lock>[1]>;

export async function withLock<T>(dir: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockPath = join(dir, LOCK_NAME);
  let lost: Error | undefined;
  const base: LockFileOptions = {
    lockfilePath: lockPath,
    realpath: false,
    stale: STALE_MS,
    update: UPDATE_MS,
    // The default throws from a timer and kills the process; finish the work and report instead.
    onCompromised: (error) => {
      lost = error;
    },
  };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const release = await acquire(dir, base, options);
  try {
    const result = await fn();
    if (lost) {
      throw new LockedError(
        `the lock ${lockPath} was lost during the run (${lost.message}); ` +
          'another run may have overlapped: check your drafts for duplicates',
      );
    }
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}

async function acquire(dir: string, base: LockFileOptions, options: LockOptions): Promise<() => Promise<void>> {
  const lockPath = join(dir, LOCK_NAME);
  try {
    return await lock(dir, base);
  } catch (error) {
    if (!isBusy(error)) throw cannotLock(lockPath, error);
    if (!options.wait) {
      throw new LockedError(`another \`followup run\` is in progress (lock ${lockPath}); try again later`);
    }
  }
  options.onBusy?.();
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const retries = { retries: Math.ceil(waitMs / 100), minTimeout: 100, maxTimeout: 1000, maxRetryTime: waitMs };
  try {
    return await lock(dir, { ...base, retries });
  } catch (error) {
    if (!isBusy(error)) throw cannotLock(lockPath, error);
    throw new LockedError(
      `another \`followup run\` is still in progress after waiting ${formatWait(waitMs)} ` +
        `(lock ${lockPath}); try again later`,
    );
  }
}

function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function isBusy(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ELOCKED';
}

function cannotLock(lockPath: string, error: unknown): FollowupError {
  const message = `cannot take the lock ${lockPath}: ${(error as Error).message}`;
  return new FollowupError(message, EXIT.input, { cause: error });
}
