import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, DEMO_MBOX, DEMO_NOW, followup, tempHome } from '../helpers/cli.ts';
import type { GmailServer } from '../helpers/gmail-server.ts';
import { demoGmailServer, gmailEnv } from '../helpers/gmail-test-kit.ts';

// A message that cannot be read in the thread of a thank-you I sent (Globex: thanked on time, the
// promised date has passed, so a check-in is due): that interview gets no draft this run, the
// others do, `run` exits 5 — and once the message reads, the next run drafts the check-in.

interface JsonInterview { id: string; incomplete: boolean; notes: string[]; actions: { kind: string; draft: string }[] }

function byId(stdout: string): Record<string, JsonInterview> {
  const report = JSON.parse(stdout) as { interviews: JsonInterview[] };
  return Object.fromEntries(report.interviews.map((i) => [i.id, i]));
}

let server: GmailServer | undefined;
afterEach(async () => {
  if (server) expect(server.forbidden).toEqual([]);
  await server?.close();
  server = undefined;
});

describe('an unreadable message in the thread of my thank-you', () => {
  it('Gmail: no check-in for Globex while it cannot be read; exit 5; the next run drafts it', async () => {
    server = await demoGmailServer();
    const home = await tempHome();
    const env = { ...home.env, ...gmailEnv(server) };
    const ooo = [...server.store.messages.values()].find((m) => m.messageId === '<ooo-priya@globex.example>')!;
    server.mangleMessage(ooo.id, (json) => ({ ...json, payload: null, internalDate: 'x' }));

    const first = await followup(['run', '--config', DEMO_CONFIG, '--now', DEMO_NOW, '--json'], env);
    expect(first.code, first.stderr).toBe(5);
    const interviews = byId(first.stdout);
    expect(interviews['globex-platform']!.incomplete).toBe(true);
    expect(interviews['globex-platform']!.actions).toEqual([]);
    expect(interviews['globex-platform']!.notes.join(' ')).toContain('not drafted: check-in to Priya Nair');
    expect(interviews['acme-backend']!.actions).toEqual([expect.objectContaining({ kind: 'thank-you', draft: 'created' })]);
    expect(server.drafts()).toHaveLength(2);

    server.unmangleMessage(ooo.id);
    const second = await followup(['run', '--config', DEMO_CONFIG, '--now', DEMO_NOW], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^drafts created: 1,/);
    expect(server.drafts()).toHaveLength(3);
  });

  it('mbox: the same, with a message that cannot be parsed in that thread', async () => {
    const { dir, env } = await tempHome();
    const demo = await readFile(DEMO_MBOX, 'latin1');
    // Takeout put it in Priya's thread; its From is garbled, it has no Date and no body.
    const broken = [
      'From 1850000000000000010@xxx Thu Nov 12 09:00:00 +0000 2026',
      'X-GM-THRID: 1850000000000000010',
      'X-Gmail-Labels: Inbox',
      'From: =?utf-8?B?////?= <<<',
      'Cc: Priya Nair <priya.nair@globex.example>',
      'Subject: Re: Thank you - Platform Engineer interview',
      '',
      '',
    ].join('\n');
    const mbox = join(dir, 'broken.mbox');
    await writeFile(mbox, `${demo.trimEnd()}\n\n${broken}`, 'latin1');
    const drafts = join(dir, 'drafts');

    const first = await followup(['run', '--config', DEMO_CONFIG, '--mbox', mbox, '--drafts-dir', drafts, '--now', DEMO_NOW, '--json'], env);
    expect(first.code, first.stderr).toBe(5);
    const interviews = byId(first.stdout);
    expect(interviews['globex-platform']).toMatchObject({ incomplete: true, actions: [] });
    expect(Object.values(interviews).filter((i) => i.incomplete).map((i) => i.id)).toEqual(['globex-platform']);
    expect((await readdir(drafts)).filter((f) => f.includes('check-in'))).toEqual([]);
    expect(await readdir(drafts)).toHaveLength(2);

    const second = await followup(['run', '--config', DEMO_CONFIG, '--mbox', DEMO_MBOX, '--drafts-dir', drafts, '--now', DEMO_NOW], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^drafts created: 1,/);
    expect((await readdir(drafts)).filter((f) => f.includes(' check-in '))).toHaveLength(1);
  });
});
