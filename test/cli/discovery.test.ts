import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { followup, tempHome } from '../helpers/cli.ts';
import { DISCOVERY_CONFIG, loadDiscoveryMailbox, writeDiscoveryMbox } from '../helpers/discovery-mailbox.ts';
import { startGmailServer, type GmailServer } from '../helpers/gmail-server.ts';

// Zero typing (issue 6): a mailbox with only invitations and mail, a config with only me and my time
// zone — or, with Gmail, no config at all. The interviews come from the invitations: the right
// people get thank-you drafts (not the room, not me, not the scheduling robot), the reschedule moves
// the deadline, the cancellation drafts nothing, and a second run creates nothing.

const NOW = '2026-11-24T09:00:00-05:00';
const THANKED = ['bill.lumbergh@initech.de', 'jane.smith@acme-corp.com', 'milton.waddams@initech.de', 'omar.haddad@acme-corp.com', 'rita@acme-corp.com'];

interface ListedJson { id: string; company: string; source: string; confidence: string | null; status: string; invitation: { uid: string; subject: string } | null; interviewers: { email: string }[] }
interface ReportJson {
  interviews: { id: string; source: string; status: string; invitation: { uid: string } | null; interviewers: { email: string; thankYou: { status: string; dueBy: string } }[]; actions: { kind: string; to: string[]; draft: string }[] }[];
  warnings: { code: string; kind: string; concerns: string[] }[];
}

let mbox: string;
let config: string;
beforeAll(async () => {
  const { dir } = await tempHome();
  mbox = join(dir, 'takeout.mbox');
  config = join(dir, 'config.jsonc');
  await writeDiscoveryMbox(mbox);
  await writeFile(config, DISCOVERY_CONFIG);
});

function expectTheJobSearch(listed: ListedJson[]): void {
  const byCompany = Object.fromEntries(listed.map((l) => [l.company, l]));
  expect(Object.keys(byCompany).sort()).toEqual(['Acme Corp', 'Globex', 'Hooli', 'Initech', 'Umbrella', 'Wonka Industries']);
  for (const l of listed) expect(l).toMatchObject({ source: 'invitation', confidence: 'auto' });
  expect(byCompany['Umbrella']!.status).toBe('cancelled');
  expect(byCompany['Acme Corp']!.id).toMatch(/^acme-corp-2026-11-18-[0-9a-f]{4}$/);
  expect(byCompany['Acme Corp']!.invitation!.subject).toMatch(/^Updated invitation: /);
  // Not the room, not me, not the scheduling robot.
  const people = listed.flatMap((l) => l.interviewers.map((i) => i.email));
  expect(people).not.toContain('alex.doe@example.com');
  expect(people.filter((e) => /resource\.calendar\.google\.com|no-?reply|greenhouse/.test(e))).toEqual([]);
  expect(byCompany['Acme Corp']!.interviewers.map((i) => i.email).sort()).toEqual(['jane.smith@acme-corp.com', 'omar.haddad@acme-corp.com', 'rita@acme-corp.com']);
}

function expectTheDecisions(report: ReportJson): void {
  const acme = report.interviews.find((i) => i.id.startsWith('acme-corp-'))!;
  // Rescheduled from Wed Nov 18 10:00 to Thu Nov 19 14:00: due by the end of Fri Nov 20, not Wed Nov 18.
  expect(acme.interviewers.map((i) => i.thankYou.dueBy)).toEqual(['2026-11-21T04:59:59.999Z', '2026-11-21T04:59:59.999Z', '2026-11-21T04:59:59.999Z']);
  expect(acme).toMatchObject({ source: 'invitation', invitation: { uid: expect.any(String) } });
  const umbrella = report.interviews.find((i) => i.id.startsWith('umbrella-'))!;
  expect(umbrella).toMatchObject({ status: 'cancelled', actions: [] });
  const globex = report.interviews.find((i) => i.id.startsWith('globex-'))!;
  expect(globex.interviewers[0]!.thankYou.status).toBe('on-time');
  expect(report.warnings).toEqual([expect.objectContaining({ code: 'broken-invitation', kind: 'read-failure', concerns: [] })]);
}

describe('an mbox with only invitations and mail, a config with only me and my time zone', () => {
  it('lists the interviews found, with their evidence', async () => {
    const { env } = await tempHome();
    const result = await followup(['interviews', '--json', '--config', config, '--mbox', mbox, '--now', NOW], env);
    expect(result.code, result.stderr).toBe(0);
    expectTheJobSearch((JSON.parse(result.stdout) as { interviews: ListedJson[] }).interviews);
  });

  it('drafts a thank-you to each real interviewer, none for the cancelled one, and nothing twice', async () => {
    const { dir, env } = await tempHome();
    const drafts = join(dir, 'drafts');
    const report = await followup(['report', '--json', '--config', config, '--mbox', mbox, '--drafts-dir', drafts, '--now', NOW], env);
    expect(report.code, report.stderr).toBe(0);
    expectTheDecisions(JSON.parse(report.stdout) as ReportJson);

    const first = await followup(['run', '--config', config, '--mbox', mbox, '--drafts-dir', drafts, '--now', NOW], env);
    expect(first.code, first.stderr).toBe(0);
    const files = await readdir(drafts);
    const recipients = await Promise.all(files.map(async (f) => {
      const mail = await simpleParser(await readFile(join(drafts, f)));
      return (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0]!.address!;
    }));
    expect(recipients.sort()).toEqual(THANKED);

    const second = await followup(['run', '--config', config, '--mbox', mbox, '--drafts-dir', drafts, '--now', NOW], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^drafts created: 0, adopted: 0, already waiting: 5,/);
    expect(await readdir(drafts)).toHaveLength(5);
  });

  it('interviews add writes a found one into a commented config, keeping the comments', async () => {
    const { dir, env } = await tempHome();
    const mine = join(dir, 'mine.jsonc');
    await writeFile(mine, DISCOVERY_CONFIG);
    const listed = await followup(['interviews', '--json', '--config', mine, '--mbox', mbox, '--now', NOW], env);
    const globex = (JSON.parse(listed.stdout) as { interviews: ListedJson[] }).interviews.find((i) => i.company === 'Globex')!;
    const added = await followup(['interviews', 'add', globex.id, '--config', mine, '--mbox', mbox, '--now', NOW], env);
    expect(added.code, added.stderr).toBe(0);
    const text = await readFile(mine, 'utf8');
    expect(text).toContain('// Only me and my time zone: the interviews are found in the mail.');
    expect(text).toContain(`"invite": "${globex.invitation!.uid}"`);
    // Linked by its UID, it is now listed once, as configured.
    const again = JSON.parse((await followup(['interviews', '--json', '--config', mine, '--mbox', mbox, '--now', NOW], env)).stdout) as { interviews: ListedJson[] };
    expect(again.interviews.filter((i) => i.company === 'Globex')).toEqual([expect.objectContaining({ id: globex.id, source: 'config' })]);
  });
});

describe('Gmail with no config file at all', () => {
  let server: GmailServer | undefined;
  afterEach(async () => {
    if (server) expect(server.forbidden).toEqual([]);
    await server?.close();
  });

  it('takes me from the account and the interviews from the invitations; the drafts go to the right people, once', async () => {
    server = await startGmailServer({ userEmail: 'alex.doe@example.com' });
    server.store.displayName = 'Alex Doe';
    await loadDiscoveryMailbox(server);
    const home = await tempHome();
    await mkdir(join(home.dir, 'config'), { recursive: true });
    const env = { ...home.env, TZ: 'America/New_York', FOLLOWUP_GMAIL_ROOT_URL: server.url, FOLLOWUP_GMAIL_ACCESS_TOKEN: server.token! };

    const listed = await followup(['interviews', '--json', '--now', NOW], env);
    expect(listed.code, listed.stderr).toBe(0);
    expectTheJobSearch((JSON.parse(listed.stdout) as { interviews: ListedJson[] }).interviews);

    const report = await followup(['report', '--json', '--now', NOW], env);
    expect(report.code, report.stderr).toBe(0);
    const parsed = JSON.parse(report.stdout) as ReportJson & { me: { name: string; emails: string[] } };
    expect(parsed.me).toEqual({ name: 'Alex Doe', emails: ['alex.doe@example.com'] });
    expectTheDecisions(parsed);

    const first = await followup(['run', '--now', NOW], env);
    expect(first.code, first.stderr).toBe(0);
    const made = await Promise.all(server.drafts().map(async (d) => (await simpleParser(d.raw)).to));
    expect(made.map((to) => (Array.isArray(to) ? to[0] : to)!.value[0]!.address).sort()).toEqual(THANKED);
    const second = await followup(['run', '--now', NOW], env);
    expect(second.stdout).toMatch(/^drafts created: 0, adopted: 0, already waiting: 5,/);
    expect(server.drafts()).toHaveLength(5);
  });
});
