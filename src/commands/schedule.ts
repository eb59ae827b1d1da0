import { mkdir } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
import { defaultConfigPath } from '../state/paths.ts';
import { CRON_MARK, cronLine, updateCrontab } from './schedule-cron.ts';
import { fileExists } from './file-exists.ts';
import { execCommand, type Exec } from './schedule-exec.ts';
import { buildJob, cliEntryPath, type Job } from './schedule-job.ts';
import { installLaunchd, launchAgentPath, launchdPlist, uninstallLaunchd } from './schedule-launchd.ts';
import { installSystemd, serviceUnit, SYSTEMD_UNIT, systemdUserWorks, timerUnit, uninstallSystemd, unitPaths } from './schedule-systemd.ts';

type Env = Readonly<Record<string, string | undefined>>;

export type Scheduler = 'cron' | 'systemd' | 'launchd';

export interface ScheduleOptions {
  every: string;
  scheduler?: Scheduler;
  install?: boolean;
  uninstall?: boolean;
  config?: string;
  /** `run` options for the job, after `--`. */
  runOptions?: string[];
  env?: Env;
  cwd?: string;
  platform?: NodeJS.Platform;
  exec?: Exec;
  node?: string;
  cli?: string;
  /** The recipe or the result (stdout). */
  out?: (text: string) => void;
  /** Advice (stderr). */
  note?: (line: string) => void;
}

/** systemd on Linux when this user's manager answers, launchd on macOS, else cron. */
export async function defaultScheduler(platform: NodeJS.Platform, exec: Exec): Promise<Scheduler> {
  if (platform === 'darwin') return 'launchd';
  if (platform === 'linux' && (await systemdUserWorks(exec))) return 'systemd';
  return 'cron';
}

function recipe(scheduler: Scheduler, job: Job, env: Env): string {
  const how = `\`followup schedule --${scheduler} --install\``;
  switch (scheduler) {
    case 'cron':
      return [
        `# \`followup run\` every ${job.every.text}. Add this line with \`crontab -e\`, or let ${how} add it.`,
        `# Its output goes to ${job.logFile}.`,
        cronLine(job),
        '',
      ].join('\n');
    case 'systemd': {
      const paths = unitPaths(env);
      return [
        `# ${paths.service}`,
        serviceUnit(job),
        `# ${paths.timer}`,
        timerUnit(job),
        `# Then: systemctl --user daemon-reload && systemctl --user enable --now ${SYSTEMD_UNIT}.timer`,
        `# (${how} does all of it). Output: journalctl --user -u ${SYSTEMD_UNIT}`,
        '',
      ].join('\n');
    }
    case 'launchd': {
      const path = launchAgentPath(env);
      return [`<!-- ${path} -->`, launchdPlist(job), `<!-- Then: launchctl load -w ${path} (${how} does it). Output: ${job.logFile} -->`, ''].join('\n');
    }
  }
}

async function install(scheduler: Scheduler, exec: Exec, job: Job, env: Env): Promise<string> {
  switch (scheduler) {
    case 'cron':
      await updateCrontab(exec, cronLine(job));
      return `Installed in your crontab: \`followup run\` every ${job.every.text}, output in ${job.logFile}.`;
    case 'systemd':
      return `Installed and started ${(await installSystemd(exec, job, env)).join(' and ')}: \`followup run\` every ${job.every.text}. Output: journalctl --user -u ${SYSTEMD_UNIT}.`;
    case 'launchd':
      return `Installed and loaded ${(await installLaunchd(exec, job, env)).join('')}: \`followup run\` every ${job.every.text}, output in ${job.logFile}.`;
  }
}

async function uninstall(scheduler: Scheduler, exec: Exec, env: Env): Promise<string> {
  switch (scheduler) {
    case 'cron':
      return (await updateCrontab(exec, undefined)) ? `Removed the line ending "${CRON_MARK}" from your crontab.` : 'Your crontab has no followup line.';
    case 'systemd': {
      const removed = await uninstallSystemd(exec, env);
      return removed.length > 0 ? `Stopped and removed ${removed.join(' and ')}.` : 'No followup systemd units were installed.';
    }
    case 'launchd': {
      const removed = await uninstallLaunchd(exec, env);
      return removed.length > 0 ? `Unloaded and removed ${removed.join('')}.` : 'No followup LaunchAgent was installed.';
    }
  }
}

/** `followup schedule`: prints (or installs, or uninstalls) the job that runs `followup run` on this
 *  machine, with absolute paths, after creating the folders the job writes to. */
export async function scheduleCommand(o: ScheduleOptions): Promise<void> {
  if (o.install && o.uninstall) throw new UsageError('--install and --uninstall cannot go together');
  const env = o.env ?? process.env;
  const exec = o.exec ?? execCommand;
  const platform = o.platform ?? process.platform;
  const out = o.out ?? ((text: string) => void process.stdout.write(text));
  const note = o.note ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const scheduler = o.scheduler ?? (await defaultScheduler(platform, exec));
  if (o.uninstall) return out(`${await uninstall(scheduler, exec, env)}\n`);
  const job = buildJob({
    every: o.every,
    ...(o.config ? { config: o.config } : {}),
    runOptions: o.runOptions ?? [],
    env,
    cwd: o.cwd ?? process.cwd(),
    node: o.node ?? process.execPath,
    cli: o.cli ?? cliEntryPath(),
    platform,
  });
  await mkdir(job.stateDir, { recursive: true, mode: 0o700 });
  await mkdir(job.logDir, { recursive: true, mode: 0o700 });
  const named = job.args.includes('--config') ? job.args[job.args.indexOf('--config') + 1]! : undefined;
  const config = named ?? defaultConfigPath(env);
  const needsConfig = named !== undefined || job.args.includes('--mbox');
  if (needsConfig && !(await fileExists(config))) {
    note(`Note: ${config} does not exist yet; the job fails (exit 2) until you run \`followup init\` and fill it in.`);
  }
  out(o.install ? `${await install(scheduler, exec, job, env)}\nCheck on it with \`followup status\`.\n` : recipe(scheduler, job, env));
}
