import { mkdtemp, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addInterviewsToConfig, configEntryFor, ignoreInConfig, localIso } from '../../src/config/add-interviews.ts';
import { appendToArray } from '../../src/config/edit-config.ts';
import { loadConfig } from '../../src/config/load.ts';
import { ConfigError } from '../../src/errors.ts';
import { interview } from '../core/builders.ts';

const COMMENTED = `// My job search, with notes.
{
  "me": { "name": "Alex Doe", "emails": ["alex.doe@example.com"] }, // personal address
  "timezone": "America/New_York",
  "interviews": [
    // Typed in by hand: no invitation came.
    { "id": "acme-backend", "company": "Acme", "start": "2026-11-18T10:00:00-05:00",
      "interviewers": [{ "name": "Jane Smith", "email": "jane@acme.com", "topics": ["event sourcing"] }], },
  ],
  /* discovery left at its defaults */
}
`;

const FOUND = interview({
  id: 'globex-2026-11-20-3f9a', company: 'Globex', role: 'Platform Engineer', start: new Date('2026-11-20T14:30:00Z'),
  interviewers: [{ name: 'Priya Nair', email: 'priya.nair@globex.com', topics: [] }], domains: ['globex.com'],
  contact: { name: 'Priya Nair', email: 'priya.nair@globex.com' }, source: 'invitation', invite: 'abc123@globex.com',
});

async function configFile(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'followup-edit-'));
  const file = join(dir, 'config.jsonc');
  await writeFile(file, text);
  await chmod(file, 0o640);
  return file;
}

describe('appendToArray', () => {
  it('adds an element on its own lines and changes nothing else', () => {
    const after = appendToArray(COMMENTED, ['interviews'], { id: 'x' });
    const before = COMMENTED.split('\n');
    const lines = after.split('\n');
    // Every original line is still there, in order, as it was; the new ones come after the last element.
    expect(lines.filter((l) => before.includes(l))).toEqual(before);
    expect(after).toContain('// Typed in by hand: no invitation came.');
    expect(after).toContain('/* discovery left at its defaults */');
    expect(after).toContain(',\n    {\n      "id": "x"\n    },\n  ],');
  });

  it('fills an empty array and creates a missing one', () => {
    expect(appendToArray('{ "a": [] }', ['a'], 1)).toBe('{ "a": [\n  1\n] }');
    expect(JSON.parse(appendToArray('{\n  "b": 2\n}\n', ['discovery', 'ignore'], 'x'))).toEqual({ b: 2, discovery: { ignore: ['x'] } });
  });
});

describe('interviews add / ignore', () => {
  it('writes a found interview with its invite UID, keeping comments and trailing commas; the result loads', async () => {
    const file = await configFile(COMMENTED);
    await addInterviewsToConfig(file, [FOUND], 'America/New_York');
    const text = await readFile(file, 'utf8');
    expect(text.startsWith(COMMENTED.slice(0, COMMENTED.indexOf('  ],')))).toBe(true);
    expect(text).toContain('"start": "2026-11-20T09:30:00-05:00"');
    expect(text).toContain('"invite": "abc123@globex.com"');
    expect((await stat(file)).mode & 0o777).toBe(0o640);
    const config = await loadConfig(file);
    expect(config.interviews.map((i) => [i.id, i.invite, i.role])).toEqual([
      ['acme-backend', undefined, undefined],
      ['globex-2026-11-20-3f9a', 'abc123@globex.com', 'Platform Engineer'],
    ]);
    expect(config.interviews[1]!.start.toISOString()).toBe('2026-11-20T14:30:00.000Z');
  });

  it('adds ids to discovery.ignore once, creating it', async () => {
    const file = await configFile(COMMENTED);
    await ignoreInConfig(file, ['dentist-2026-12-03-aaaa', 'dentist-2026-12-03-aaaa']);
    await ignoreInConfig(file, ['dentist-2026-12-03-aaaa', 'uid-2@x']);
    expect((await loadConfig(file)).discovery.ignore).toEqual(['dentist-2026-12-03-aaaa', 'uid-2@x']);
    expect(await readFile(file, 'utf8')).toContain('// Typed in by hand: no invitation came.');
  });

  it('never writes a config that would not load, and leaves the file as it was', async () => {
    const file = await configFile(COMMENTED);
    const clash = { ...FOUND, id: 'acme-backend' };
    await expect(addInterviewsToConfig(file, [clash], 'America/New_York')).rejects.toThrow(ConfigError);
    expect(await readFile(file, 'utf8')).toBe(COMMENTED);
  });

  it('leaves out what the defaults give, and says the start with the offset of the user zone', () => {
    const entry = configEntryFor(FOUND, 'Europe/Paris');
    expect(entry).not.toHaveProperty('domains');
    expect(entry).not.toHaveProperty('contact');
    expect(entry.start).toBe('2026-11-20T15:30:00+01:00');
    expect(localIso(new Date('2026-07-01T12:00:00Z'), 'UTC')).toBe('2026-07-01T12:00:00+00:00');
  });
});
