import { realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.ts';
import { stateDir } from '../state/paths.ts';
import { logDir } from '../state/log-dir.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** How often: one of the intervals every scheduler can express exactly (a cron step must divide
 *  the hour or the day). */
export interface Interval {
  minutes: number;
  text: string;
}

const ALLOWED_MINUTES = [5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];
const ALLOWED_TEXT = '5m, 10m, 15m, 20m, 30m, 1h, 2h, 3h, 4h, 6h, 8h, 12h, 24h (or 1d)';

export function parseEvery(value: string): Interval {
  const match = /^(\d{1,4})(m|min|h|d)$/.exec(value.trim().toLowerCase());
  const unit = match?.[2];
  const minutes = match ? Number(match[1]) * (unit === 'd' ? 1440 : unit === 'h' ? 60 : 1) : Number.NaN;
  if (!ALLOWED_MINUTES.includes(minutes)) {
    throw new UsageError(`--every ${JSON.stringify(value)}: use one of ${ALLOWED_TEXT}`);
  }
  const text = minutes < 60 ? `${minutes}m` : `${minutes / 60}h`;
  return { minutes, text };
}

/** What every scheduler runs: absolute paths only, since cron, systemd and launchd start jobs with
 *  a bare environment (PATH=/usr/bin:/bin, no shell profile) in another working directory. */
export interface Job {
  every: Interval;
  /** The Node binary running now (the one that runs this CLI, ≥ 22). */
  node: string;
  /** The CLI entry: src/cli.ts in a clone, or the built launcher. */
  cli: string;
  args: string[];
  /** XDG folders set in this shell, pinned so the job uses the same sign-in and state. */
  env: Record<string, string>;
  stateDir: string;
  logDir: string;
  /** cron's output file; systemd keeps the journal, launchd its own file in logDir. */
  logFile: string;
}

/** The script being run, resolved through npm's bin symlinks; else the CLI beside this module. */
export function cliEntryPath(argv1: string | undefined = process.argv[1], moduleUrl: string = import.meta.url): string {
  if (argv1) {
    try {
      return realpathSync(resolve(argv1));
    } catch {
      // not a file (node -e, a REPL): fall back to this module's own location
    }
  }
  const here = fileURLToPath(moduleUrl);
  return resolve(dirname(here), '..', `cli${extname(here)}`);
}

// Options of `run` a scheduled job may carry; the paths among them are made absolute.
const RUN_FLAGS = new Set(['--discard-stale', '--wait', '--verbose', '--json']);
const RUN_VALUES = new Set(['--log-format', '--now', '--mbox', '--drafts-dir']);
const PATH_VALUES = new Set(['--mbox', '--drafts-dir']);

export function runArgs(extra: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < extra.length; i++) {
    const arg = extra[i]!;
    if (RUN_FLAGS.has(arg)) {
      out.push(arg);
      continue;
    }
    const value = extra[i + 1];
    if (!RUN_VALUES.has(arg) || value === undefined) {
      throw new UsageError(`\`followup schedule -- ${arg}\`: a scheduled run takes only ${[...RUN_FLAGS, ...RUN_VALUES].join(', ')}`);
    }
    out.push(arg, PATH_VALUES.has(arg) ? resolve(cwd, value) : value);
    i++;
  }
  return out;
}

const PINNED = ['XDG_CONFIG_HOME', 'XDG_STATE_HOME'] as const;

export interface JobOptions {
  every: string;
  config?: string;
  runOptions: readonly string[];
  env: Env;
  cwd: string;
  node: string;
  cli: string;
  platform: NodeJS.Platform;
}

export function buildJob(o: JobOptions): Job {
  const major = Number(/^v?(\d+)/.exec(process.versions.node)?.[1]);
  if (o.node === process.execPath && major < 22) throw new UsageError(`the scheduled job needs Node ≥ 22; this is Node ${process.versions.node}`);
  // The default config is found by the run itself (and with Gmail none is needed): only a config
  // named with --config is passed on, as an absolute path.
  const config = o.config ? ['--config', resolve(o.cwd, o.config)] : [];
  const env: Record<string, string> = {};
  for (const name of PINNED) {
    const value = o.env[name];
    if (value !== undefined && isAbsolute(value)) env[name] = value;
  }
  const logs = logDir(o.env, o.platform);
  return {
    every: parseEvery(o.every),
    node: o.node,
    cli: o.cli,
    args: ['run', ...config, ...runArgs(o.runOptions, o.cwd)],
    env,
    stateDir: stateDir(o.env),
    logDir: logs,
    logFile: resolve(logs, 'followup.log'),
  };
}
