import { UsageError } from '../errors.ts';
import { describeFailure, type Exec } from './schedule-exec.ts';
import type { Interval, Job } from './schedule-job.ts';

/** Ends our crontab line (a shell comment there), so install and uninstall touch no other line. */
export const CRON_MARK = '# interview-followup (followup schedule)';

/** crontab(5) fields for the interval: a step of minutes within the hour, of hours within the day,
 *  or once a day at 08:00 so a daily run leaves the drafts ready for the morning. */
export function cronFields(every: Interval): string {
  if (every.minutes < 60) return `*/${every.minutes} * * * *`;
  if (every.minutes === 60) return '0 * * * *';
  if (every.minutes < 1440) return `0 */${every.minutes / 60} * * *`;
  return '0 8 * * *';
}

const SAFE = /^[\w@%+=:,./-]+$/;

/** POSIX sh quoting: bare when only safe characters, else single quotes. */
export function shellQuote(value: string): string {
  return SAFE.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** The command cron hands to /bin/sh. It makes the log folder itself: sh opens the `>>` file before
 *  node starts, and a missing folder would fail the job with nothing but a mail to the local user. */
export function cronCommand(job: Job): string {
  const parts = [job.logDir, job.logFile, job.node, job.cli, ...job.args, ...Object.values(job.env)];
  // crontab(5): "%" in the command becomes a newline; an unescaped one cannot be written safely.
  if (parts.some((p) => p.includes('%') || p.includes('\n'))) {
    throw new UsageError('cron cannot run a command with "%" or a line break in a path: use --systemd or --launchd, or another path');
  }
  const env = Object.entries(job.env).map(([k, v]) => `${k}=${shellQuote(v)} `).join('');
  const run = [job.node, job.cli, ...job.args].map(shellQuote).join(' ');
  return `mkdir -p ${shellQuote(job.logDir)} && ${env}${run} >> ${shellQuote(job.logFile)} 2>&1`;
}

export function cronLine(job: Job): string {
  return `${cronFields(job.every)} ${cronCommand(job)} ${CRON_MARK}`;
}

/** The crontab with our line replaced (or removed when `line` is undefined); every other line,
 *  comment and variable stays as it was. */
export function mergeCrontab(current: string, line: string | undefined): string {
  const kept = current.split('\n').filter((l) => !l.trimEnd().endsWith(CRON_MARK));
  if (kept[kept.length - 1] === '') kept.pop(); // what the final newline left
  if (line !== undefined) kept.push(line);
  // cron ignores a last line without a newline.
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

async function readCrontab(exec: Exec): Promise<string> {
  const result = await exec('crontab', ['-l']);
  if (result.code === 0) return result.stdout;
  // Vixie cron and cronie: "no crontab for USER", exit 1: an empty table, not an error.
  if (/no crontab for/i.test(result.stderr)) return '';
  throw new UsageError(describeFailure('crontab', ['-l'], result));
}

async function writeCrontab(exec: Exec, table: string): Promise<void> {
  const result = await exec('crontab', ['-'], table);
  if (result.code !== 0) throw new UsageError(describeFailure('crontab', ['-'], result));
}

/** Installs (or with line undefined, removes) our line through `crontab -l` / `crontab -`.
 *  Returns whether the table changed. */
export async function updateCrontab(exec: Exec, line: string | undefined): Promise<boolean> {
  const current = await readCrontab(exec);
  const next = mergeCrontab(current, line);
  if (next === current || (next === '' && current.trim() === '')) return false;
  await writeCrontab(exec, next);
  return true;
}
