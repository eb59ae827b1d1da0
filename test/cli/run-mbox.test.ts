import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, DEMO_MBOX, DEMO_NOW, followup, tempHome } from '../helpers/cli.ts';

async function demoRun(dir: string, env: Record<string, string>, extra: string[] = []) {
  return followup(['run', '--config', DEMO_CONFIG, '--mbox', DEMO_MBOX, '--drafts-dir', join(dir, 'drafts'), '--now', DEMO_NOW, ...extra], env);
}

async function report(dir: string, env: Record<string, string>) {
  const result = await followup(['report', '--config', DEMO_CONFIG, '--mbox', DEMO_MBOX, '--drafts-dir', join(dir, 'drafts'), '--now', DEMO_NOW, '--json'], env);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { interviews: { id: string; actions: { kind: string; draft: string }[] }[] };
}

describe('followup run --mbox --drafts-dir', () => {
  it('writes each planned draft once as an .eml file; a second run writes nothing new', async () => {
    const { dir, env } = await tempHome();
    const first = await demoRun(dir, env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^drafts created: 3,/);
    const files = (await readdir(join(dir, 'drafts'))).sort();
    expect(files).toHaveLength(3);

    const second = await demoRun(dir, env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^drafts created: 0, adopted: 0, already waiting: 3,/);
    expect((await readdir(join(dir, 'drafts'))).sort()).toEqual(files);

    const after = await report(dir, env);
    expect(after.interviews.flatMap((i) => i.actions.map((a) => a.draft))).toEqual(['exists', 'exists', 'exists']);
  });

  it('writes real, threaded RFC 5322 drafts', async () => {
    const { dir, env } = await tempHome();
    await demoRun(dir, env);
    const drafts = join(dir, 'drafts');
    const parsed = await Promise.all((await readdir(drafts)).map(async (f) => simpleParser(await readFile(join(drafts, f)))));
    const thankYou = parsed.find((p) => p.to && !Array.isArray(p.to) && p.to.value[0]?.address === 'jane.smith@acme.example')!;
    expect(thankYou.subject).toBe('Re: Your interview with Acme on Monday');
    expect(thankYou.inReplyTo).toBe('<conf-2@example.com>');
    expect(thankYou.references).toEqual(['<conf-1@acme.example>', '<conf-2@example.com>']);
    expect(thankYou.text).toContain('Jane');
    expect(thankYou.text).toContain('event sourcing');
    expect(thankYou.from?.value[0]).toEqual({ name: 'Alex Doe', address: 'alex.doe@example.com' });
    const rejection = parsed.find((p) => p.to && !Array.isArray(p.to) && p.to.value[0]?.address === 'dana.kim@hooli.example')!;
    expect(rejection.text).toMatch(/thank/i);
    expect(rejection.inReplyTo).toBeUndefined();
  });

  it('a draft the user deleted is dismissed, never re-created', async () => {
    const { dir, env } = await tempHome();
    await demoRun(dir, env);
    const drafts = join(dir, 'drafts');
    const thankYou = (await readdir(drafts)).find((f) => f.includes(' thank-you '))!;
    await rm(join(drafts, thankYou));
    const again = await demoRun(dir, env);
    expect(again.stdout).toMatch(/^drafts created: 0,.* dismissed: 1,/);
    expect(await readdir(drafts)).not.toContain(thankYou);
    const acme = (await report(dir, env)).interviews.find((i) => i.id === 'acme-backend')!;
    expect(acme.actions).toEqual([expect.objectContaining({ kind: 'thank-you', draft: 'dismissed' })]);
  });

  it('a second run while one holds the lock exits cleanly with its own code, writing nothing', async () => {
    const { dir, env } = await tempHome();
    // proper-lockfile's lock is a fresh directory beside the ledger.
    await mkdir(join(env.XDG_STATE_HOME!, 'interview-followup', 'run.lock'), { recursive: true });
    const result = await demoRun(dir, env);
    expect(result.code).toBe(6);
    expect(result.stderr).toMatch(/another .*run/i);
    await expect(readdir(join(dir, 'drafts'))).rejects.toThrow();
  });

  it('run --mbox without --drafts-dir is a usage error', async () => {
    const { env } = await tempHome();
    const result = await followup(['run', '--config', DEMO_CONFIG, '--mbox', DEMO_MBOX], env);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain('--drafts-dir');
  });
});
