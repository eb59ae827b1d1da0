import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import { fileExists } from './file-exists.ts';
import { describeFailure, type Exec } from './schedule-exec.ts';
import type { Job } from './schedule-job.ts';

type Env = Readonly<Record<string, string | undefined>>;

export const LAUNCHD_LABEL = 'local.interview-followup.run';

function xml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

const string = (value: string) => `<string>${xml(value)}</string>`;

/** A LaunchAgent (launchd.plist(5)): StartInterval runs it every N seconds, and an interval missed
 *  while the Mac slept runs once on wake; RunAtLoad runs it at once, so the first result is seen now. */
export function launchdPlist(job: Job): string {
  const env = Object.entries(job.env);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    `  <key>Label</key>${string(LAUNCHD_LABEL)}`,
    '  <key>ProgramArguments</key>',
    '  <array>',
    ...[job.node, job.cli, ...job.args].map((a) => `    ${string(a)}`),
    '  </array>',
    ...(env.length === 0
      ? []
      : ['  <key>EnvironmentVariables</key>', '  <dict>', ...env.map(([k, v]) => `    <key>${xml(k)}</key>${string(v)}`), '  </dict>']),
    `  <key>StartInterval</key><integer>${job.every.minutes * 60}</integer>`,
    '  <key>RunAtLoad</key><true/>',
    `  <key>StandardOutPath</key>${string(job.logFile)}`,
    `  <key>StandardErrorPath</key>${string(job.logFile)}`,
    '</dict>',
    '</plist>',
    '',
  ];
  return lines.join('\n');
}

export function launchAgentPath(env: Env): string {
  return join(env.HOME ?? homedir(), 'Library', 'LaunchAgents', `${LAUNCHD_LABEL}.plist`);
}

async function launchctl(exec: Exec, args: string[], mayFail = false): Promise<void> {
  const result = await exec('launchctl', args);
  if (result.code !== 0 && !mayFail) throw new UsageError(describeFailure('launchctl', args, result));
}

export async function installLaunchd(exec: Exec, job: Job, env: Env): Promise<string[]> {
  const path = launchAgentPath(env);
  await mkdir(join(path, '..'), { recursive: true });
  // A job already loaded keeps its old settings until unloaded.
  await launchctl(exec, ['unload', path], true);
  await writeFile(path, launchdPlist(job));
  await launchctl(exec, ['load', '-w', path]);
  return [path];
}

export async function uninstallLaunchd(exec: Exec, env: Env): Promise<string[]> {
  const path = launchAgentPath(env);
  if (!(await fileExists(path))) return [];
  await launchctl(exec, ['unload', '-w', path], true);
  await rm(path, { force: true });
  return [path];
}
