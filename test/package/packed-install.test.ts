// The package as a user gets it: `npm pack` (which builds dist/ through `prepare`), then
// `npm install -g` of the tarball into a temporary prefix, then the installed `followup` command.
// No network: the dependencies come from a local registry serving the npm cache's tarballs (see
// local-registry.ts for why `--offline` alone cannot do it).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, DEMO_MBOX, DEMO_NOW, followup, ROOT, tempHome } from '../helpers/cli.ts';
import { startLocalRegistry, type LocalRegistry } from './local-registry.ts';
import { runCommand, userEnv } from './run-command.ts';

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}

const SHIPPED = ['package.json', 'README.md', 'bin/followup.js', 'dist/cli.js', 'dist/mailbox/parse-worker.js', 'config.schema.json'];
const NOT_SHIPPED = /^(src|test|fixtures|bench|scripts|node_modules)\/|\.ts$|^tsconfig|^\.npmrc$|^package-lock\.json$/;

let scratch: string | undefined;
let registry: LocalRegistry | undefined;

afterAll(async () => {
  await registry?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function pack(destination: string): Promise<PackResult> {
  const packed = await runCommand('npm', ['pack', '--json', '--pack-destination', destination], { cwd: ROOT, env: userEnv() });
  expect(packed.code, packed.stderr).toBe(0);
  // The lifecycle banner of `prepare` comes before the JSON.
  const [result] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as PackResult[];
  return result!;
}

async function npmCacheDir(): Promise<string> {
  const got = await runCommand('npm', ['config', 'get', 'cache'], { cwd: ROOT, env: userEnv() });
  expect(got.code, got.stderr).toBe(0);
  return got.stdout.trim();
}

async function installGlobally(tarball: string, dir: string, registryUrl: string): Promise<string> {
  const prefix = join(dir, 'prefix');
  const userconfig = join(dir, 'npmrc');
  await writeFile(userconfig, ''); // the user's own .npmrc could name other registries
  const installed = await runCommand('npm', [
    'install', '--global', tarball, '--prefix', prefix, '--registry', registryUrl, '--userconfig', userconfig,
    '--cache', join(dir, 'npm-cache'), '--no-audit', '--no-fund', '--no-update-notifier',
  ], { cwd: dir, env: userEnv() });
  expect(installed.code, installed.stderr).toBe(0);
  return prefix;
}

describe('the packed CLI', () => {
  it('installs globally from its tarball without a network and runs the demo report exactly as the source does', async () => {
    scratch = await mkdtemp(join(tmpdir(), 'followup-package-'));
    const packed = await pack(scratch);
    const paths = packed.files.map((f) => f.path);
    console.log(`packed ${packed.filename}: ${(packed.size / 1024).toFixed(1)} kB, ${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked, ${packed.entryCount} files`);
    expect(paths).toEqual(expect.arrayContaining(SHIPPED));
    expect(paths.filter((p) => NOT_SHIPPED.test(p))).toEqual([]);

    registry = await startLocalRegistry({ lockfile: join(ROOT, 'package-lock.json'), cacheDir: await npmCacheDir() });
    const prefix = await installGlobally(join(scratch, packed.filename), scratch, registry.url);
    expect(registry.requests.some((r) => r.endsWith('.tgz'))).toBe(true);
    const installedDir = join(prefix, 'lib', 'node_modules', 'interview-followup');
    expect(existsSync(join(installedDir, 'node_modules', 'commander'))).toBe(true);
    expect(existsSync(join(installedDir, 'node_modules', 'typescript'))).toBe(false);

    // Run from outside the clone, through the bin link and the launcher's `#!/usr/bin/env node`.
    const bin = join(prefix, 'bin', 'followup');
    const home = await tempHome();
    const env = userEnv(home.env);
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runCommand(bin, ['--version'], { cwd: scratch, env })).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });

    const demo = ['report', '--config', DEMO_CONFIG, '--mbox', DEMO_MBOX, '--now', DEMO_NOW];
    const installed = await runCommand(bin, demo, { cwd: scratch, env });
    const fromSource = await followup(demo, home.env);
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    expect(installed.stdout).toContain('Interview follow-up report');
    expect(installed.stdout).toBe(fromSource.stdout);
  }, 55_000);
});
