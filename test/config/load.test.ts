import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { DEFAULT_POLICY } from '../../src/core/types.ts';
import { ConfigError, EXIT } from '../../src/errors.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/config/${name}`, import.meta.url));
const options = { systemTimeZone: 'America/Los_Angeles' };

async function configErrorOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadConfig', () => {
  it('loads a config with every field, normalising case', async () => {
    const config = await loadConfig(fixture('full.jsonc'), options);
    expect(config.file).toBe(fixture('full.jsonc'));
    expect(config.me).toEqual({ name: 'Alex Doe', emails: ['alex@example.com', 'alex.doe@gmail.com'] });
    expect(config.timezone).toBe('Europe/Berlin');
    expect(config.policy).toEqual({
      thankYouCutoffHour: 9,
      thankYouDraftDays: DEFAULT_POLICY.thankYouDraftDays,
      checkInBusinessDays: 4,
      goneQuietDays: DEFAULT_POLICY.goneQuietDays,
      holidays: ['2026-12-24', '2026-12-25'],
    });
    expect(config.gmail).toEqual({ quotaUnitsPerMinute: 15000, maxConcurrency: 5 });
    expect(config.interviews[0]).toEqual({
      id: 'acme-screen',
      company: 'Acme',
      role: 'Backend Engineer',
      start: new Date('2026-11-18T09:00:00Z'),
      durationMinutes: 30,
      interviewers: [
        { name: 'Jane Smith', email: 'jane@acme.com', topics: ['event sourcing', 'on-call'] },
        { name: 'Ravi Patel', email: 'ravi.patel@gmail.com', topics: [] },
      ],
      domains: ['acme.com', 'acme-careers.com'],
      contact: { name: 'Rita Recruiter', email: 'rita@acme.com' },
      decisionExpected: '2026-11-25',
      source: 'config',
    });
  });

  it('names a bare contact address after the interviewer it belongs to', async () => {
    const config = await loadConfig(fixture('full.jsonc'), options);
    expect(config.interviews[1]?.contact).toEqual({ name: 'Jane Smith', email: 'jane@acme.com' });
    expect(config.interviews[1]?.start).toEqual(new Date('2026-12-02T14:30:00Z'));
    expect(config.interviews[1]).not.toHaveProperty('decisionExpected');
  });

  it('applies every default to a minimal config', async () => {
    const config = await loadConfig(fixture('minimal.jsonc'), options);
    expect(config.timezone).toBe('America/Los_Angeles');
    expect(config.policy).toEqual(DEFAULT_POLICY);
    expect(config.gmail).toEqual({ quotaUnitsPerMinute: 6000, maxConcurrency: 5 });
    const [interview] = config.interviews;
    expect(interview?.durationMinutes).toBe(60);
    expect(interview?.interviewers.map((person) => person.topics)).toEqual([[], [], []]);
    // outlook.com is a public mail provider; globex.io appears twice in different case.
    expect(interview?.domains).toEqual(['globex.io']);
    expect(interview?.contact).toEqual({ name: 'Sam Lee', email: 'sam.lee@outlook.com' });
  });

  it('reports a JSONC syntax error with line and column, exit code 2', async () => {
    const error = await configErrorOf(loadConfig(fixture('syntax-error.jsonc'), options));
    expect(error.problems).toEqual(['line 3, column 3: expected a comma']);
    expect(error.exitCode).toBe(EXIT.config);
    expect(error.message).toContain(fixture('syntax-error.jsonc'));
  });

  it('reports every problem of a file at once', async () => {
    const error = await configErrorOf(loadConfig(fixture('many-problems.jsonc'), options));
    expect(error.problems).toEqual([
      'me.emails[0]: "alex@" is not an e-mail address',
      'timezone: "Mars/Olympus" is not an IANA time zone',
      'interviews[0].start: must be an ISO 8601 date-time with an offset, like 2026-11-18T10:00:00-05:00',
      'interviews[0].colour: unknown key',
      'interviews[1].durationMinutes: expected a number, got the string "60"',
      'interviews[1].id: duplicate id "acme-backend" (also interviews[0])',
    ]);
  });

  describe('in a temporary config home', () => {
    let home: string;
    beforeEach(async () => {
      home = await mkdtemp(join(tmpdir(), 'followup-config-'));
    });
    afterEach(async () => {
      await rm(home, { recursive: true, force: true });
    });

    it('tells to run `followup init` when the file is missing', async () => {
      const error = await configErrorOf(loadConfig(join(home, 'nope.jsonc'), options));
      expect(error.problems).toEqual(['no config file here; run `followup init` to write a starter config']);
      expect(error.message).toContain(join(home, 'nope.jsonc'));
      expect(error.exitCode).toBe(EXIT.config);
    });

    it('reads $XDG_CONFIG_HOME/interview-followup/config.jsonc by default', async () => {
      const dir = join(home, 'interview-followup');
      await mkdir(dir);
      const text = '{ "me": { "name": "A", "emails": ["a@b.co"] }, "interviews": [] }';
      await writeFile(join(dir, 'config.jsonc'), text);
      const config = await loadConfig(undefined, { ...options, env: { XDG_CONFIG_HOME: home } });
      expect(config.file).toBe(join(dir, 'config.jsonc'));
      expect(config.interviews).toEqual([]);
    });

    it('reports a folder given as the config file', async () => {
      const error = await configErrorOf(loadConfig(home, options));
      expect(error.problems).toEqual(['cannot read the file (EISDIR)']);
    });
  });
});
