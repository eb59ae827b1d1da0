import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CRON_MARK, cronCommand, cronFields, cronLine, mergeCrontab, shellQuote } from '../../src/commands/schedule-cron.ts';
import type { Exec, ExecResult } from '../../src/commands/schedule-exec.ts';
import { buildJob, cliEntryPath, parseEvery, runArgs, type Job, type JobOptions } from '../../src/commands/schedule-job.ts';
import { installLaunchd, launchdPlist, uninstallLaunchd } from '../../src/commands/schedule-launchd.ts';
import { installSystemd, onCalendar, serviceUnit, timerUnit, uninstallSystemd } from '../../src/commands/schedule-systemd.ts';
import { defaultScheduler, scheduleCommand } from '../../src/commands/schedule.ts';
import { EXIT } from '../../src/errors.ts';
import { ROOT } from '../helpers/cli.ts';

const sh = promisify(execFile);

/** Records every external command and answers from a script of results. */
function fakeExec(answer: (command: string, args: string[]) => Partial<ExecResult> = () => ({})) {
  const calls: string[] = [];
  const exec: Exec = async (command, args, input) => {
    calls.push([command, ...args].join(' ') + (input === undefined ? '' : ` <<${input.length}`));
    return { code: 0, stdout: '', stderr: '', ...answer(command, args) };
  };
  return { exec, calls };
}

async function tempDir(prefix = 'followup-schedule-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

function jobOptions(home: string, extra: Partial<JobOptions> = {}): JobOptions {
  return {
    every: '1h',
    config: join(home, 'config.jsonc'),
    runOptions: [],
    env: { HOME: home },
    cwd: home,
    node: process.execPath,
    cli: join(ROOT, 'src/cli.ts'),
    platform: 'linux',
    ...extra,
  };
}

describe('--every', () => {
  it('takes the intervals every scheduler can express exactly, and refuses the rest (exit 64)', () => {
    expect(parseEvery('15m')).toEqual({ minutes: 15, text: '15m' });
    expect(parseEvery('60m')).toEqual({ minutes: 60, text: '1h' });
    expect(parseEvery('1d')).toEqual({ minutes: 1440, text: '24h' });
    for (const bad of ['7m', '45m', '5h', '1m', '90m', '2d', 'hourly', '']) {
      expect(() => parseEvery(bad), bad).toThrow(expect.objectContaining({ exitCode: EXIT.usage }));
    }
  });

  it('maps to crontab steps and systemd calendar events', () => {
    const cases: [string, string, string][] = [
      ['5m', '*/5 * * * *', '*-*-* *:00/5:00'],
      ['30m', '*/30 * * * *', '*-*-* *:00/30:00'],
      ['1h', '0 * * * *', '*-*-* *:00:00'],
      ['2h', '0 */2 * * *', '*-*-* 00/2:00:00'],
      ['12h', '0 */12 * * *', '*-*-* 00/12:00:00'],
      ['24h', '0 8 * * *', '*-*-* 08:00:00'],
    ];
    for (const [every, cron, calendar] of cases) {
      expect(cronFields(parseEvery(every))).toBe(cron);
      expect(onCalendar(parseEvery(every))).toBe(calendar);
    }
  });
});

describe('the job', () => {
  it('has absolute paths only: this Node, the CLI, the config, and the run options’ paths', async () => {
    const home = await tempDir();
    const job = buildJob(jobOptions(home, { config: 'rel/config.jsonc', runOptions: ['--mbox', 'mail.mbox', '--drafts-dir', 'drafts', '--discard-stale'] }));
    expect(job.node).toBe(process.execPath);
    expect(job.args).toEqual(['run', '--config', join(home, 'rel/config.jsonc'), '--mbox', join(home, 'mail.mbox'), '--drafts-dir', join(home, 'drafts'), '--discard-stale']);
    expect(job.stateDir).toBe(join(home, '.local/state/interview-followup'));
    expect(job.logFile).toBe(join(home, '.local/state/interview-followup/logs/followup.log'));
    expect(buildJob(jobOptions(home, { platform: 'darwin' })).logFile).toBe(join(home, 'Library/Logs/interview-followup/followup.log'));
  });

  it('pins XDG folders set in this shell, so the job finds the same sign-in and state', async () => {
    const home = await tempDir();
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'cfg'), XDG_STATE_HOME: 'relative/is/ignored' };
    const job = buildJob(jobOptions(home, { env, config: undefined }));
    expect(job.env).toEqual({ XDG_CONFIG_HOME: join(home, 'cfg') });
    // The default config is the run's to find (with Gmail none is needed): no --config then.
    expect(job.args).toEqual(['run']);
    expect(buildJob(jobOptions(home, { env, config: 'my.jsonc' })).args).toEqual(['run', '--config', join(home, 'my.jsonc')]);
  });

  it('refuses run options a scheduled run does not take', () => {
    expect(() => runArgs(['--every', '1h'], '/')).toThrow(/a scheduled run takes only/);
    expect(() => runArgs(['--mbox'], '/')).toThrow(/a scheduled run takes only/);
  });

  it('finds the CLI entry through npm’s bin symlink, or beside its own module', async () => {
    const dir = await tempDir();
    const target = join(dir, 'cli.ts');
    await writeFile(target, '');
    await symlink(target, join(dir, 'followup'));
    expect(cliEntryPath(join(dir, 'followup'))).toBe(target);
    expect(cliEntryPath(join(dir, 'missing'))).toBe(join(ROOT, 'src/cli.ts'));
    expect(cliEntryPath(join(dir, 'missing'), new URL('file:///opt/app/dist/commands/schedule-job.js').href)).toBe('/opt/app/dist/cli.js');
  });
});

describe('cron', () => {
  it('quotes for /bin/sh: the job gets its arguments exactly, even with spaces and quotes in paths', async () => {
    const home = await tempDir("followup-it's here ");
    const cli = join(home, 'my clone', 'cli.js');
    await mkdir(join(home, 'my clone'));
    await writeFile(cli, 'console.log(JSON.stringify(process.argv.slice(2)));\n');
    const job = buildJob(jobOptions(home, { cli, config: join(home, 'my config.jsonc'), env: { HOME: home, XDG_STATE_HOME: join(home, 'state dir') } }));
    const line = cronLine(job);
    expect(line.endsWith(CRON_MARK)).toBe(true);
    expect(line.startsWith(`0 * * * * ${cronCommand(job)}`)).toBe(true);
    await sh('/bin/sh', ['-c', cronCommand(job)], { env: { PATH: '/usr/bin:/bin', HOME: home } });
    const logged = await readFile(join(home, 'state dir/interview-followup/logs/followup.log'), 'utf8');
    expect(JSON.parse(logged)).toEqual(['run', '--config', join(home, 'my config.jsonc')]);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('/plain/path-1.2')).toBe('/plain/path-1.2');
  });

  it('refuses a "%" in a path, which crontab would turn into a line break', async () => {
    const home = await tempDir();
    const job = buildJob(jobOptions(home, { config: join(home, '100%.jsonc') }));
    expect(() => cronLine(job)).toThrow(/"%"/);
  });

  it('merges the table: our one line replaced or removed, every other line and comment kept', () => {
    const mine = '# mine\nMAILTO=me@example.com\n\n*/5 * * * * /bin/true # not ours\n';
    const ours = `0 * * * * run ${CRON_MARK}`;
    expect(mergeCrontab('', ours)).toBe(`${ours}\n`);
    const installed = mergeCrontab(mine, ours);
    expect(installed).toBe(`${mine}${ours}\n`);
    expect(mergeCrontab(installed, `0 */2 * * * run ${CRON_MARK}`)).toBe(`${mine}0 */2 * * * run ${CRON_MARK}\n`);
    expect(mergeCrontab(installed, undefined)).toBe(mine);
    expect(mergeCrontab(`${ours}\n`, undefined)).toBe('');
    expect(mergeCrontab('no newline at end', ours)).toBe(`no newline at end\n${ours}\n`);
  });
});

describe('systemd', () => {
  it('writes a oneshot service and a persistent timer, escaping systemd’s % and $', async () => {
    const home = await tempDir();
    const job: Job = { ...buildJob(jobOptions(home, { every: '15m' })), cli: '/opt/my app/100% $HOME.ts', env: { XDG_STATE_HOME: '/s "x"' } };
    const service = serviceUnit(job);
    expect(service).toContain('Type=oneshot');
    expect(service).toContain(`ExecStart="${process.execPath}" "/opt/my app/100%% $$HOME.ts" "run" "--config" "${join(home, 'config.jsonc')}"`);
    expect(service).toContain('Environment="XDG_STATE_HOME=/s \\"x\\""');
    const timer = timerUnit(job);
    expect(timer).toContain('OnCalendar=*-*-* *:00/15:00\nPersistent=true');
    expect(timer).toContain('WantedBy=timers.target');
  });

  it('installs into ~/.config/systemd/user with daemon-reload and enable --now; uninstall removes exactly that', async () => {
    const home = await tempDir();
    const env = { HOME: home };
    const job = buildJob(jobOptions(home));
    const { exec, calls } = fakeExec();
    const written = await installSystemd(exec, job, env);
    const dir = join(home, '.config/systemd/user');
    expect(written).toEqual([join(dir, 'interview-followup.service'), join(dir, 'interview-followup.timer')]);
    expect(await readFile(written[0]!, 'utf8')).toBe(serviceUnit(job));
    expect(calls).toEqual(['systemctl --user daemon-reload', 'systemctl --user enable --now interview-followup.timer']);
    await writeFile(join(dir, 'other.service'), '[Service]\n');

    calls.length = 0;
    expect(await uninstallSystemd(exec, env)).toEqual(written);
    expect(calls).toEqual(['systemctl --user disable --now interview-followup.timer', 'systemctl --user daemon-reload']);
    await expect(access(written[0]!)).rejects.toThrow();
    await expect(access(join(dir, 'other.service'))).resolves.toBeUndefined();
    expect(await uninstallSystemd(exec, env)).toEqual([]);
  });

  it('says which systemctl command failed', async () => {
    const home = await tempDir();
    const { exec } = fakeExec((_c, args) => (args.includes('enable') ? { code: 1, stderr: 'Failed to connect to bus: No medium found' } : {}));
    await expect(installSystemd(exec, buildJob(jobOptions(home)), { HOME: home })).rejects.toThrow(
      '`systemctl --user enable --now interview-followup.timer` failed (exit 1): Failed to connect to bus: No medium found',
    );
  });
});

describe('launchd', () => {
  it('writes a LaunchAgent with the interval, the log file and XML-escaped paths; loads and unloads it', async () => {
    const home = await tempDir();
    const env = { HOME: home };
    const job: Job = { ...buildJob(jobOptions(home, { platform: 'darwin', every: '30m' })), cli: '/Users/a&b/<clone>/src/cli.ts' };
    const plist = launchdPlist(job);
    expect(plist).toContain('<string>/Users/a&amp;b/&lt;clone&gt;/src/cli.ts</string>');
    expect(plist).toContain('<key>StartInterval</key><integer>1800</integer>');
    expect(plist).toContain(`<key>StandardOutPath</key><string>${join(home, 'Library/Logs/interview-followup/followup.log')}</string>`);
    const { exec, calls } = fakeExec();
    const [path] = await installLaunchd(exec, job, env);
    expect(path).toBe(join(home, 'Library/LaunchAgents/local.interview-followup.run.plist'));
    expect(await readFile(path!, 'utf8')).toBe(plist);
    expect(calls).toEqual([`launchctl unload ${path}`, `launchctl load -w ${path}`]);
    calls.length = 0;
    expect(await uninstallLaunchd(exec, env)).toEqual([path]);
    expect(calls).toEqual([`launchctl unload -w ${path}`]);
    await expect(access(path!)).rejects.toThrow();
  });
});

describe('followup schedule', () => {
  it('picks launchd on macOS, systemd where `systemctl --user` answers, else cron', async () => {
    expect(await defaultScheduler('darwin', fakeExec().exec)).toBe('launchd');
    expect(await defaultScheduler('linux', fakeExec().exec)).toBe('systemd');
    expect(await defaultScheduler('linux', fakeExec(() => ({ code: 1 })).exec)).toBe('cron');
    expect(await defaultScheduler('freebsd', fakeExec().exec)).toBe('cron');
  });

  it('prints the recipe after making the state and log folders, and says when the config it needs is missing', async () => {
    const home = await tempDir();
    const out: string[] = [];
    const notes: string[] = [];
    const { exec, calls } = fakeExec(() => ({ code: 1 }));
    // With Gmail no config is needed; with --mbox one is (your addresses).
    await scheduleCommand({ every: '1h', env: { HOME: home }, platform: 'linux', exec, out: (t) => out.push(t), note: (l) => notes.push(l), cli: join(ROOT, 'src/cli.ts') });
    expect(notes).toEqual([]);
    await scheduleCommand({ every: '1h', env: { HOME: home }, platform: 'linux', exec, out: (t) => out.push(t), note: (l) => notes.push(l), cli: join(ROOT, 'src/cli.ts'), runOptions: ['--mbox', join(home, 'all.mbox'), '--drafts-dir', join(home, 'drafts')] });
    expect(calls).toEqual(['systemctl --user show-environment', 'systemctl --user show-environment']);
    expect(out.join('')).toContain(`${CRON_MARK}\n`);
    await expect(access(join(home, '.local/state/interview-followup/logs'))).resolves.toBeUndefined();
    expect(notes).toEqual([`Note: ${join(home, '.config/interview-followup/config.jsonc')} does not exist yet; the job fails (exit 2) until you run \`followup init\` and fill it in.`]);
  });

  it('refuses --install with --uninstall', async () => {
    await expect(scheduleCommand({ every: '1h', install: true, uninstall: true })).rejects.toMatchObject({ exitCode: EXIT.usage });
  });
});
