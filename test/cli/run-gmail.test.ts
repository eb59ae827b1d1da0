import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, DEMO_NOW, followup, tempHome } from '../helpers/cli.ts';
import type { GmailServer } from '../helpers/gmail-server.ts';
import { closeChecked, demoGmailRun, gmailEnv } from '../helpers/gmail-test-kit.ts';
import { JANE_REPLY } from '../helpers/demo-replies.ts';

// The product end to end against Gmail: the real googleapis client in a child process, pointed at
// a local Gmail-compatible server holding the demo job search.

let server: GmailServer;
let home: Awaited<ReturnType<typeof tempHome>>;

beforeEach(async () => {
  ({ server, home } = await demoGmailRun());
});
afterEach(() => closeChecked(server));

function cliEnv(): Record<string, string> {
  return { ...home.env, ...gmailEnv(server) };
}

function run(now = DEMO_NOW, extra: string[] = []) {
  return followup(['run', '--config', DEMO_CONFIG, '--now', now, ...extra], cliEnv());
}

async function report(now = DEMO_NOW) {
  const result = await followup(['report', '--config', DEMO_CONFIG, '--now', now, '--json'], cliEnv());
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { interviews: { id: string; status: string; actions: { kind: string; draft: string; to: string[] }[] }[] };
}

async function drafts(): Promise<(ParsedMail & { draftId: string; threadId: string })[]> {
  return Promise.all(server.drafts().map(async (d) => Object.assign(await simpleParser(d.raw), { draftId: d.id, threadId: d.threadId })));
}

function to(mail: ParsedMail): string | undefined {
  return (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
}

describe('followup run against Gmail', () => {
  it('leaves each follow-up as a threaded draft; a second run creates nothing', async () => {
    const first = await run();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^drafts created: 3,/);
    const made = await drafts();
    expect(made.map(to).sort()).toEqual(['dana.kim@hooli.example', 'jane.smith@acme.example', 'priya.nair@globex.example']);

    const thankYou = made.find((d) => to(d) === 'jane.smith@acme.example')!;
    expect(thankYou.subject).toBe('Re: Your interview with Acme on Monday');
    expect(thankYou.inReplyTo).toBe('<conf-2@example.com>');
    expect(thankYou.references).toEqual(['<conf-1@acme.example>', '<conf-2@example.com>']);
    expect(thankYou.text).toMatch(/^Dear Jane,/);
    expect(thankYou.text).toContain('event sourcing');

    const checkIn = made.find((d) => to(d) === 'priya.nair@globex.example')!;
    expect(checkIn.subject).toBe('Re: Thank you - Platform Engineer interview');
    expect(checkIn.inReplyTo).toBe('<ty-priya@example.com>');

    const second = await run();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^drafts created: 0, adopted: 0, already waiting: 3,/);
    expect(server.drafts()).toHaveLength(3);
  });

  it('report is read-only: zero write requests', async () => {
    await report();
    expect(server.log.length).toBeGreaterThan(0);
    expect(server.writes()).toEqual([]);
  });

  it("respects what the user did: an edited draft stays, a deleted one is dismissed, a sent one is the message it became", async () => {
    await run();
    const made = await drafts();
    const thankYou = made.find((d) => to(d) === 'jane.smith@acme.example')!;
    const checkIn = made.find((d) => to(d) === 'priya.nair@globex.example')!;
    const rejection = made.find((d) => to(d) === 'dana.kim@hooli.example')!;
    const edited = server.drafts().find((d) => d.id === thankYou.draftId)!.raw.toString('utf8').replace('Dear Jane,', 'Hello Jane,');
    expect(edited).toContain('Hello Jane,');
    await server.editDraft(thankYou.draftId, edited);
    server.deleteDraft(checkIn.draftId);
    await server.sendDraft(rejection.draftId, new Date('2026-11-24T09:30:00-05:00'));

    const later = '2026-11-24T10:00:00-05:00';
    const again = await run(later);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^drafts created: 0,/);
    expect(server.drafts().map((d) => d.id)).toEqual([thankYou.draftId]);
    expect(server.drafts()[0]!.raw.toString('utf8')).toContain('Hello Jane,');

    const byId = Object.fromEntries((await report(later)).interviews.map((i) => [i.id, i]));
    expect(byId['acme-backend']!.actions).toEqual([expect.objectContaining({ kind: 'thank-you', draft: 'exists' })]);
    expect(byId['globex-platform']!.actions).toEqual([expect.objectContaining({ kind: 'check-in', draft: 'dismissed' })]);
    expect(byId['hooli-sre']).toMatchObject({ status: 'rejected', actions: [] });
  });

  it('a crash between drafts.create and the ledger write does not duplicate the draft', async () => {
    await run();
    // The ledger is gone as if the process died before writing it.
    await rm(join(home.env.XDG_STATE_HOME!, 'interview-followup'), { recursive: true, force: true });
    const again = await run();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^drafts created: 0, adopted: 3, already waiting: 3,/);
    expect(server.drafts()).toHaveLength(3);
    // Adopted means recorded: a draft the user then deletes stays deleted.
    server.deleteDraft(server.drafts()[0]!.id);
    const third = await run();
    expect(third.stdout).toMatch(/^drafts created: 0, adopted: 0, already waiting: 2, dismissed: 1,/);
    expect(server.drafts()).toHaveLength(2);
  });

  it('a lost drafts.create response is healed by finding the draft, not by creating another', async () => {
    server.failNext(1, { status: 503, afterProcessing: true }, (api) => api === 'drafts.create');
    const result = await run();
    expect(result.code, result.stderr).toBe(0);
    expect(server.drafts()).toHaveLength(3);
    expect((await run()).stdout).toMatch(/^drafts created: 0,/);
    expect(server.drafts()).toHaveLength(3);
  });

  it('a stale draft is reported, and --discard-stale deletes it only when untouched', async () => {
    await run();
    const thread = (await drafts()).find((d) => to(d) === 'jane.smith@acme.example')!.threadId;
    await server.addMessage(
      JANE_REPLY,
      { labels: ['INBOX'], threadId: thread },
    );
    const later = '2026-11-24T10:00:00-05:00';
    const acme = (await report(later)).interviews.find((i) => i.id === 'acme-backend')!;
    expect(acme.actions).toEqual([expect.objectContaining({ kind: 'thank-you', draft: 'stale' })]);

    const kept = await run(later);
    expect(kept.code, kept.stderr).toBe(0);
    expect(server.drafts()).toHaveLength(3);

    const discarded = await run(later, ['--discard-stale']);
    expect(discarded.code, discarded.stderr).toBe(0);
    expect(discarded.stdout).toContain('discarded: 1');
    expect((await drafts()).map(to).sort()).toEqual(['dana.kim@hooli.example', 'priya.nair@globex.example']);
  });

  it('one broken message is reported and skipped; the others still get their drafts; exit 5', async () => {
    const noise = [...server.store.messages.values()].find((m) => m.messageId === '<re-tom@initech.example>')!;
    server.mangleMessage(noise.id, (json) => ({ ...json, payload: null, internalDate: 'x' }));
    const result = await run();
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/^drafts created: 3,.*unreadable messages skipped: 1, interviews not fully read: 1$/m);
    expect(result.stderr).toContain(noise.id);
    expect(server.drafts()).toHaveLength(3);
  });

  it('an invalid token stops with one line saying to sign in again, exit 3', async () => {
    const result = await followup(['run', '--config', DEMO_CONFIG, '--now', DEMO_NOW], { ...cliEnv(), FOLLOWUP_GMAIL_ACCESS_TOKEN: 'tok-s3cr3t-value' });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('followup auth');
    expect(result.stderr).not.toContain('tok-s3cr3t-value');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('without a sign-in, says to run followup auth and never opens a browser', async () => {
    const result = await followup(['run', '--config', DEMO_CONFIG], home.env);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Run `followup auth`');
  });

  it('a broken config stops before any Gmail request', async () => {
    const result = await followup(['run', '--config', join(home.dir, 'missing.jsonc')], cliEnv());
    expect(result.code).toBe(2);
    expect(server.log).toEqual([]);
  });
});
