import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CRON_MARK } from '../../src/commands/schedule-cron.ts';
import { DEMO_CONFIG, DEMO_NOW, followup, ROOT } from '../helpers/cli.ts';
import type { GmailServer } from '../helpers/gmail-server.ts';
import { closeChecked, demoGmailServer } from '../helpers/gmail-test-kit.ts';

// The first night, as cron would run it: the line `followup schedule` prints, run by /bin/sh with
// cron's bare environment in a home where no run has ever made the state folder.

const run = promisify(execFile);

let server: GmailServer;
let home: string;

beforeEach(async () => {
  server = await demoGmailServer();
  home = await mkdtemp(join(tmpdir(), 'followup-cron-'));
});

afterEach(() => closeChecked(server));

/** Only HOME: the XDG variables of the machine running the tests must not leak into the job. */
function homeOnly(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { HOME: home, XDG_CONFIG_HOME: undefined, XDG_STATE_HOME: undefined, ...extra };
}

async function printedCronLine(extraRunOptions: string[] = []): Promise<string> {
  const printed = await followup(['schedule', '--cron', '--config', DEMO_CONFIG, '--', ...extraRunOptions], homeOnly());
  expect(printed.code, printed.stderr).toBe(0);
  const line = printed.stdout.split('\n').find((l) => l.endsWith(CRON_MARK));
  expect(line).toBeDefined();
  return line!;
}

/** What cron does with a line: the five time fields, then the rest through /bin/sh. */
async function cronRuns(line: string, token: string) {
  const fields = line.split(' ').slice(0, 5).join(' ');
  expect(fields).toBe('0 * * * *');
  const command = line.split(' ').slice(5).join(' ');
  const env = { PATH: '/usr/bin:/bin', HOME: home, SHELL: '/bin/sh', FOLLOWUP_GMAIL_ROOT_URL: server.url, FOLLOWUP_GMAIL_ACCESS_TOKEN: token };
  return run('/bin/sh', ['-c', command], { env, cwd: '/' }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('the printed crontab line, run the way cron runs it', () => {
  it('works the first night in a fresh home, and `status` then says so; a failed night makes status exit 8', async () => {
    const line = await printedCronLine(['--now', DEMO_NOW]);
    expect(line).toContain(`${process.execPath} ${join(ROOT, 'src/cli.ts')} run --config ${DEMO_CONFIG} --now ${DEMO_NOW}`);
    // As if `schedule` had been run on another day: nothing of ours exists before the job starts.
    await rm(join(home, '.local'), { recursive: true, force: true });

    const night = await cronRuns(line, server.token!);
    expect(night.code, night.stderr).toBe(0);
    expect(server.drafts()).toHaveLength(3);
    const log = await readFile(join(home, '.local/state/interview-followup/logs/followup.log'), 'utf8');
    expect(log).toMatch(/^drafts created: 3,/m);

    const ok = await followup(['status', '--json'], homeOnly());
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    const status = JSON.parse(ok.stdout);
    expect(status).toMatchObject({ healthy: true, problems: [], runsRecorded: 1, signIn: { kind: 'none' }, lock: { held: false } });
    expect(status.runs[0]).toMatchObject({ exitCode: 0, outcome: 'ok', source: 'gmail', draftsCreated: 3, draftsFailed: 0 });
    const ids = status.followUps.interviews.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['acme-backend', 'globex-platform', 'hooli-sre']));
    expect(ok.stdout).not.toMatch(/@/); // no address of anyone in the status

    const failed = await cronRuns(line, 'revoked-token');
    expect(failed.code).toBe(3);
    const bad = await followup(['status'], homeOnly());
    expect(bad.code).toBe(8);
    expect(bad.stdout).toMatch(/^PROBLEM: the last run \(.+\) failed: Google sign-in missing, expired or refused \(exit 3\); sign in again with `followup auth`$/m);
    expect(bad.stdout).toMatch(/^Next follow-ups \(as the run of .+ saw them\):$/m);
    const history = await readFile(join(home, '.local/state/interview-followup/runs.jsonl'), 'utf8');
    expect(history).not.toMatch(/@|Acme|thank you/i);
  });
});

describe('followup schedule --cron --install', () => {
  it('edits the crontab through `crontab -`, replacing only its own line, and --uninstall restores it', async () => {
    const bin = join(home, 'bin');
    await mkdir(bin);
    const table = join(home, 'crontab.txt');
    await writeFile(
      join(bin, 'crontab'),
      ['#!/bin/sh', `t='${table}'`, 'case "$1" in', '  -l) if [ -f "$t" ]; then cat "$t"; else echo "no crontab for $(id -un)" >&2; exit 1; fi ;;', '  -) cat > "$t" ;;', '  *) exit 2 ;;', 'esac', ''].join('\n'),
    );
    await chmod(join(bin, 'crontab'), 0o755);
    const env = homeOnly({ PATH: `${bin}:/usr/bin:/bin` });

    const fresh = await followup(['schedule', '--cron', '--install', '--every', '30m', '--config', DEMO_CONFIG], env);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect((await readFile(table, 'utf8')).split('\n').filter((l) => l.endsWith(CRON_MARK))).toHaveLength(1);

    const mine = ['# my own jobs', 'MAILTO=alex@example.com', '', '15 3 * * 1 /usr/local/bin/backup --all  # weekly', ''].join('\n');
    await writeFile(table, mine);
    for (const every of ['30m', '2h']) {
      const result = await followup(['schedule', '--cron', '--install', '--every', every, '--config', DEMO_CONFIG], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Installed in your crontab: \`followup run\` every ${every}`);
    }
    const installed = await readFile(table, 'utf8');
    expect(installed.startsWith(mine)).toBe(true);
    const ours = installed.slice(mine.length).split('\n').filter(Boolean);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/^0 \*\/2 \* \* \* mkdir -p /);

    const removed = await followup(['schedule', '--cron', '--uninstall'], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect(await readFile(table, 'utf8')).toBe(mine);
    const again = await followup(['schedule', '--cron', '--uninstall'], env);
    expect(again.stdout).toContain('Your crontab has no followup line.');
    expect(await readFile(table, 'utf8')).toBe(mine);
  });

  it('refuses an interval no crontab step can express, as a usage error', async () => {
    const result = await followup(['schedule', '--cron', '--every', '45m'], homeOnly());
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--every "45m": use one of 5m, 10m, 15m, 20m, 30m, 1h');
  });
});
