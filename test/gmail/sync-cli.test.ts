import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, DEMO_NOW, followup, tempHome } from '../helpers/cli.ts';
import type { GmailServer } from '../helpers/gmail-server.ts';
import { closeChecked, demoGmailRun, gmailEnv } from '../helpers/gmail-test-kit.ts';

// The sync as a user meets it: the CLI in a child process against the local Gmail server.

let server: GmailServer;
let home: Awaited<ReturnType<typeof tempHome>>;

beforeEach(async () => {
  ({ server, home } = await demoGmailRun());
});
afterEach(() => closeChecked(server));

function cli(args: string[]) {
  const env = { ...home.env, ...gmailEnv(server) };
  return followup([...args, '--config', DEMO_CONFIG, '--now', DEMO_NOW, '--json'], env);
}

describe('followup run and report with the sync state', () => {
  it('says in --json and in the log whether the read was full or incremental, and why; --full reads everything', async () => {
    const first = await cli(['run']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).sync).toEqual({ kind: 'full', reason: 'no sync state yet', searched: ['acme-backend', 'globex-platform', 'hooli-sre', 'initech-data'] });
    expect(first.stderr).toMatch(/INFO\s+gmail read kind=full reason="no sync state yet" searched=4/);
    const files = await readdir(join(home.env.XDG_STATE_HOME!, 'interview-followup'));
    expect(files.filter((f) => /^sync-[0-9a-f]{16}\.json\.gz$/.test(f))).toHaveLength(1);

    const second = await cli(['run']);
    expect(JSON.parse(second.stdout).sync).toEqual({ kind: 'incremental', reason: null, searched: [] });
    expect(second.stderr).toMatch(/gmail read kind=incremental searched=0/);

    const report = await cli(['report']);
    expect(JSON.parse(report.stdout).sync.kind).toBe('incremental');
    const full = await cli(['report', '--full']);
    expect(JSON.parse(full.stdout).sync).toEqual({ kind: 'full', reason: '--full', searched: ['acme-backend', 'globex-platform', 'hooli-sre', 'initech-data'] });
    const { sync: _a, ...incremental } = JSON.parse(report.stdout);
    const { sync: _b, ...everything } = JSON.parse(full.stdout);
    expect(incremental).toEqual(everything);

    const again = await cli(['run', '--full']);
    expect(JSON.parse(again.stdout).sync.reason).toBe('--full');
  });

  it('a damaged sync state is read past: a full read, a warning, and a good state again', async () => {
    await cli(['run']);
    const dir = join(home.env.XDG_STATE_HOME!, 'interview-followup');
    const file = (await readdir(dir)).find((f) => f.startsWith('sync-'))!;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, file), 'not gzip');
    const result = await cli(['run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('gmail sync state unusable');
    expect(JSON.parse(result.stdout).sync.kind).toBe('full');
    expect(JSON.parse((await cli(['run'])).stdout).sync.kind).toBe('incremental');
  });
});
