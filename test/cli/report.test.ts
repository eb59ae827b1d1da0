import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, DEMO_MBOX, DEMO_NOW, followup, tempHome } from '../helpers/cli.ts';
import pkg from '../../package.json' with { type: 'json' };

const demo = ['report', '--config', DEMO_CONFIG, '--mbox', DEMO_MBOX, '--now', DEMO_NOW];

describe('followup (CLI, as a child process)', () => {
  it('--version and --help', async () => {
    expect((await followup(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await followup(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['init', 'report', 'run', 'auth']) expect(help.stdout).toContain(command);
    for (const command of ['init', 'report', 'run', 'auth']) {
      const sub = await followup([command, '--help']);
      expect(sub.code).toBe(0);
      expect(sub.stdout).toContain(`Usage: followup ${command}`);
    }
  });

  it('report --json on the demo: every interview, its status and planned drafts', async () => {
    const { env } = await tempHome();
    const result = await followup([...demo, '--json'], env);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.now).toBe('2026-11-24T14:00:00.000Z');
    const byId = Object.fromEntries(report.interviews.map((i: { id: string }) => [i.id, i]));
    expect(Object.fromEntries(Object.entries(byId).map(([id, i]) => [id, (i as { status: string }).status]))).toEqual({
      'acme-backend': 'thank-you-due',
      'globex-platform': 'check-in-due',
      'initech-data': 'waiting-after-check-in',
      'hooli-sre': 'rejected',
    });
    expect(byId['acme-backend'].interviewers).toEqual([
      { name: 'Jane Smith', email: 'jane.smith@acme.example', thankYou: expect.objectContaining({ status: 'due', sentAt: null, dueBy: '2026-11-25T04:59:59.999Z' }) },
      { name: 'Omar Haddad', email: 'omar@acme.example', thankYou: expect.objectContaining({ status: 'on-time', sentAt: '2026-11-23T23:40:00.000Z' }) },
    ]);
    expect(byId['acme-backend'].actions).toEqual([expect.objectContaining({ kind: 'thank-you', to: ['jane.smith@acme.example'], draft: 'planned' })]);
    expect(byId['globex-platform'].actions).toEqual([expect.objectContaining({ kind: 'check-in', to: ['priya.nair@globex.example'], draft: 'planned' })]);
    expect(byId['initech-data']).toMatchObject({ actions: [], unansweredFollowUps: 1, lastCompanyMessageAt: '2026-11-05T14:15:00.000Z' });
    expect(byId['hooli-sre'].actions).toEqual([expect.objectContaining({ kind: 'rejection-reply', to: ['dana.kim@hooli.example'], draft: 'planned' })]);
    expect(report.warnings).toEqual([]);
  });

  it('the table has no colour when not on a terminal; markdown is markdown', async () => {
    const { env } = await tempHome();
    const table = await followup(demo, env);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('thank-you-due');
    expect(table.stdout).not.toMatch(/\x1b\[/);
    const md = await followup([...demo, '--format', 'markdown'], env);
    expect(md.stdout).toMatch(/^#/m);
    expect(md.stdout).toContain('Globex');
  });

  it('writes nothing: no state, no ledger, no drafts', async () => {
    const { dir, env } = await tempHome();
    await followup(demo, env);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    { name: 'a bad --now', args: ['--now', 'tomorrow'], code: 64, message: '--now "tomorrow" is not an ISO 8601 date-time' },
    { name: 'an unknown option', args: ['--frobnicate'], code: 64, message: "unknown option '--frobnicate'" },
    { name: 'a missing mailbox', args: ['--mbox', '/nonexistent/mail.mbox'], code: 7, message: '/nonexistent/mail.mbox does not exist' },
  ])('exits with a distinct code on $name', async ({ args, code, message }) => {
    const { env } = await tempHome();
    const base = ['report', '--config', DEMO_CONFIG, '--mbox', DEMO_MBOX, '--now', DEMO_NOW];
    const result = await followup([...base, ...args], env);
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it('a broken config stops before reading any mail, one line per problem, exit 2', async () => {
    const { dir, env } = await tempHome();
    const config = join(dir, 'bad.jsonc');
    await writeFile(config, '{ "me": { "name": "A", "emails": ["not-an-email"] }, "timezone": "Mars/Base", "interviews": [] , "colour": 1 }');
    const result = await followup(['report', '--config', config, '--mbox', '/nonexistent/mail.mbox'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('me.emails[0]');
    expect(result.stderr).toContain('timezone');
    expect(result.stderr).toContain('colour');
    expect(result.stderr).not.toContain('/nonexistent/mail.mbox');
  });

  it('init writes a starter config that report accepts, and never overwrites it', async () => {
    const { dir, env } = await tempHome();
    const first = await followup(['init'], env);
    expect(first.code).toBe(0);
    const configFile = join(dir, 'config/interview-followup/config.jsonc');
    expect(first.stdout).toContain(configFile);
    const report = await followup(['report', '--mbox', DEMO_MBOX, '--now', DEMO_NOW, '--json'], env);
    expect(report.code).toBe(0);
    const again = await followup(['init'], env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('already exists');
  });
});

describe('a mailbox about none of the interviews', () => {
  it('is not an error: the header says 0 messages about them in N read, and --json gives the counts', async () => {
    const { dir, env } = await tempHome();
    const config = join(dir, 'config.jsonc');
    await writeFile(config, JSON.stringify({
      me: { name: 'Alex Doe', emails: ['alex.doe@example.com'] }, timezone: 'America/New_York', discovery: { mode: 'off' },
      interviews: [{ id: 'nowhere', company: 'Nowhere', role: 'Engineer', start: '2026-11-18T10:00:00-05:00', interviewers: [{ name: 'No One', email: 'no.one@nowhere.example' }] }],
    }));
    const table = await followup(['report', '--config', config, '--mbox', DEMO_MBOX, '--now', DEMO_NOW], env);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/0 messages about your interviews in 11 messages read/);
    const json = JSON.parse((await followup(['report', '--json', '--config', config, '--mbox', DEMO_MBOX, '--now', DEMO_NOW], env)).stdout);
    expect(json.mailbox).toEqual({ messagesRead: 11, messagesAboutInterviews: 0, sources: [DEMO_MBOX] });
  });
});

describe('--verbose', () => {
  it('explains on stderr what each message counted as, without bodies', async () => {
    const { env } = await tempHome();
    const result = await followup([...demo, '--verbose'], env);
    expect(result.code, result.stderr).toBe(0);
    const evidence = result.stderr.split('\n').filter((l) => l.startsWith('DEBUG') && l.includes(' evidence '));
    expect(evidence.some((l) => l.includes('interview=acme-backend') && l.includes('counted="thank-you to Omar Haddad (R1)"'))).toBe(true);
    expect(evidence.some((l) => l.includes('counted="automatic reply from Globex: not a reply (R3)"'))).toBe(true);
    expect(result.stderr).toContain('addresses taken as mine');
    // A line of a body in the demo mailbox never reaches the log.
    expect(result.stderr).not.toContain('Thanks for walking me through the TPS pipeline');
  });
});
