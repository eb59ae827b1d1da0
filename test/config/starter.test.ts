import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configJsonSchemaText } from '../../src/config/json-schema.ts';
import { parseJsonc } from '../../src/config/jsonc.ts';
import { loadConfig } from '../../src/config/load.ts';
import { starterConfigText, writeStarterConfig } from '../../src/config/starter.ts';
import { EXIT, UsageError } from '../../src/errors.ts';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'followup-init-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('writeStarterConfig', () => {
  it('writes a starter config that validates, with its schema beside it, creating folders', async () => {
    const target = join(home, 'a', 'b', 'config.jsonc');
    const written = await writeStarterConfig(target, { timezone: 'Asia/Tokyo' });
    expect(written).toEqual({ configFile: target, schemaFile: join(home, 'a', 'b', 'config.schema.json') });
    const config = await loadConfig(target, { systemTimeZone: 'UTC' });
    expect(config.timezone).toBe('Asia/Tokyo');
    expect(config.interviews).toEqual([]);
    expect(config.discovery).toEqual({ mode: 'auto', ignore: [], ignoreDomains: [], days: 90 });
    expect(await readFile(written.schemaFile, 'utf8')).toBe(configJsonSchemaText());
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('points $schema at the copy next to the file and explains the fields in comments', () => {
    const text = starterConfigText('Europe/Paris');
    const parsed = parseJsonc(text);
    expect(parsed.ok && (parsed.value as { $schema: string }).$schema).toBe('./config.schema.json');
    expect(text).toContain('found in your mail');
    for (const field of ['"me"', '"timezone"', '"interviews"', '"discovery"', '"policy"', '"gmail"']) {
      const line = text.split('\n').findIndex((l) => l.includes(`${field}:`));
      expect(text.split('\n')[line - 1], `comment above ${field}`).toMatch(/^\s*\/\//);
    }
  });

  it('defaults to $XDG_CONFIG_HOME/interview-followup/config.jsonc', async () => {
    const written = await writeStarterConfig(undefined, { env: { XDG_CONFIG_HOME: home }, timezone: 'UTC' });
    expect(written.configFile).toBe(join(home, 'interview-followup', 'config.jsonc'));
    await expect(loadConfig(undefined, { env: { XDG_CONFIG_HOME: home } })).resolves.toMatchObject({ timezone: 'UTC' });
  });

  it('refuses to overwrite an existing config (UsageError, exit 64) and leaves it as it was', async () => {
    const target = join(home, 'config.jsonc');
    await writeFile(target, '// mine\n{}');
    const error = await writeStarterConfig(target, { timezone: 'UTC' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(EXIT.usage);
    expect((error as Error).message).toBe(`${target} already exists; edit it, or pass another path to write a new one`);
    expect(await readFile(target, 'utf8')).toBe('// mine\n{}');
    await expect(stat(join(home, 'config.schema.json'))).rejects.toThrow(/ENOENT/);
  });
});
