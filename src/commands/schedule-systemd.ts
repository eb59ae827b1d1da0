import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../errors.ts';
import { fileExists } from './file-exists.ts';
import { describeFailure, type Exec } from './schedule-exec.ts';
import type { Interval, Job } from './schedule-job.ts';

type Env = Readonly<Record<string, string | undefined>>;

export const SYSTEMD_UNIT = 'interview-followup';

/** systemd.time(7) calendar events for the interval; with Persistent=true a timer that was due while
 *  the machine slept runs once on wake (OnUnitActiveSec timers have no such catch-up). */
export function onCalendar(every: Interval): string {
  if (every.minutes < 60) return `*-*-* *:00/${every.minutes}:00`;
  if (every.minutes === 60) return '*-*-* *:00:00';
  if (every.minutes < 1440) return `*-*-* 00/${every.minutes / 60}:00:00`;
  return '*-*-* 08:00:00';
}

/** One ExecStart word: double-quoted, with systemd's specifiers (%) and variables ($) escaped
 *  (systemd.service(5) "Command lines", systemd.unit(5) "Specifiers"). */
function word(value: string): string {
  const escaped = value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('%', '%%').replaceAll('$', '$$$$');
  return `"${escaped}"`;
}

export function serviceUnit(job: Job): string {
  const env = Object.entries(job.env).map(([k, v]) => `Environment=${word(`${k}=${v}`)}\n`).join('');
  return [
    '[Unit]',
    'Description=interview-followup: leave the next follow-ups as drafts (never sends)',
    '',
    '[Service]',
    'Type=oneshot',
    `${env}ExecStart=${[job.node, job.cli, ...job.args].map(word).join(' ')}`,
    '',
  ].join('\n');
}

export function timerUnit(job: Job): string {
  return [
    '[Unit]',
    `Description=Run interview-followup every ${job.every.text}`,
    '',
    '[Timer]',
    `OnCalendar=${onCalendar(job.every)}`,
    'Persistent=true',
    '',
    '[Install]',
    'WantedBy=timers.target',
    '',
  ].join('\n');
}

/** ~/.config/systemd/user, where `systemctl --user` looks for a user's own units. */
export function systemdUserDir(env: Env): string {
  const base = env.XDG_CONFIG_HOME !== undefined && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
  return join(base, 'systemd', 'user');
}

export function unitPaths(env: Env): { service: string; timer: string } {
  const dir = systemdUserDir(env);
  return { service: join(dir, `${SYSTEMD_UNIT}.service`), timer: join(dir, `${SYSTEMD_UNIT}.timer`) };
}

async function systemctl(exec: Exec, args: string[], mayFail = false): Promise<void> {
  const full = ['--user', ...args];
  const result = await exec('systemctl', full);
  if (result.code !== 0 && !mayFail) throw new UsageError(describeFailure('systemctl', full, result));
}

/** Whether this user has a systemd manager to talk to (not the case in most containers or over a
 *  plain `su`). */
export async function systemdUserWorks(exec: Exec): Promise<boolean> {
  return (await exec('systemctl', ['--user', 'show-environment'])).code === 0;
}

export async function installSystemd(exec: Exec, job: Job, env: Env): Promise<string[]> {
  const paths = unitPaths(env);
  await mkdir(systemdUserDir(env), { recursive: true });
  await writeFile(paths.service, serviceUnit(job));
  await writeFile(paths.timer, timerUnit(job));
  await systemctl(exec, ['daemon-reload']);
  await systemctl(exec, ['enable', '--now', `${SYSTEMD_UNIT}.timer`]);
  return [paths.service, paths.timer];
}

/** Stops and removes exactly the two units install wrote; returns the files removed. */
export async function uninstallSystemd(exec: Exec, env: Env): Promise<string[]> {
  const paths = unitPaths(env);
  const present = [];
  for (const path of [paths.service, paths.timer]) if (await fileExists(path)) present.push(path);
  if (present.length === 0) return [];
  await systemctl(exec, ['disable', '--now', `${SYSTEMD_UNIT}.timer`], true);
  for (const path of present) await rm(path, { force: true });
  await systemctl(exec, ['daemon-reload'], true);
  return present;
}
