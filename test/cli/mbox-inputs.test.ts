import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, DEMO_MBOX, DEMO_NOW, followup, tempHome } from '../helpers/cli.ts';
import { demoMessages, emlTree, PDF_START, TAKEOUT_MBOX, takeoutTree, tempDir, tgzOf, writeTree, zipOf } from '../helpers/mail-inputs.ts';

const report = (mbox: string, env: Record<string, string>) =>
  followup(['report', '--mbox', mbox, '--config', DEMO_CONFIG, '--now', DEMO_NOW, '--json'], env);

interface Report {
  interviews: { id: string; status: string }[];
  warnings: unknown[];
}

const readingLines = (stderr: string): string[] => stderr.split('\n').filter((line) => line.includes('reading mail'));

let env: Record<string, string>;
let demo: Report;
const dir = tempDir('cli-inputs');

beforeAll(async () => {
  ({ env } = await tempHome());
  const result = await report(DEMO_MBOX, env);
  expect(result.code).toBe(0);
  demo = JSON.parse(result.stdout) as Report;
});

describe('followup report --mbox on what Google Takeout gives', () => {
  const zip = join(dir, 'takeout-20261124T090000Z-001.zip');
  const tgz = join(dir, 'takeout-20261124T090000Z-001.tgz');
  const unzipped = join(dir, 'unzipped');
  const emls = join(dir, 'emls');

  beforeAll(async () => {
    writeFileSync(zip, zipOf(takeoutTree()));
    await tgzOf(takeoutTree(), tgz);
    writeTree(unzipped, takeoutTree());
    writeTree(emls, emlTree());
  });

  it.each([
    { what: 'the zip', path: () => zip, read: () => `${zip}:${TAKEOUT_MBOX}` },
    { what: 'the .tgz', path: () => tgz, read: () => `${tgz}:${TAKEOUT_MBOX}` },
    { what: 'the unzipped folder', path: () => unzipped, read: () => join(unzipped, TAKEOUT_MBOX) },
    { what: 'its Takeout/Mail/ folder', path: () => join(unzipped, 'Takeout/Mail'), read: () => join(unzipped, TAKEOUT_MBOX) },
    { what: 'a tree of .eml files', path: () => emls, read: () => `the .eml files in ${emls}` },
  ])('$what: the same interviews and statuses as the mbox, and a log line naming what was read', async ({ path, read }) => {
    const result = await report(path(), env);
    expect(result.code).toBe(0);
    const got = JSON.parse(result.stdout) as Report;
    expect(got.interviews).toEqual(demo.interviews);
    expect(got.warnings).toEqual([]);
    expect(got.interviews.map((i) => i.status)).toEqual(['thank-you-due', 'check-in-due', 'waiting-after-check-in', 'rejected']);
    expect(readingLines(result.stderr)).toEqual([`INFO  reading mail source=${JSON.stringify(read())}`]);
  });

  it('one .eml file is one message, read without a warning', async () => {
    const file = join(dir, 'confirmation.eml');
    writeFileSync(file, demoMessages()[0]!.eml);
    const result = await report(file, env);
    expect(result.code).toBe(0);
    expect(readingLines(result.stderr)).toEqual([]);
    expect((JSON.parse(result.stdout) as Report).warnings).toEqual([]);
  });
});

describe('followup --mbox on what cannot be what the user meant: exit 7, one line', () => {
  const random = Buffer.from('9c4e1a77f0b2d3e855aa01fe3c7b9d20'.repeat(8), 'hex');
  const cases: { what: string; make: () => string; line: (path: string) => string }[] = [
    { what: 'a path that does not exist', make: () => join(dir, 'Takeout-missing'), line: (p) => `${p} does not exist;` },
    { what: 'an empty file', make: () => file('empty.mbox', ''), line: (p) => `${p} is empty (0 bytes); pass the .mbox file` },
    { what: 'an empty folder', make: () => folder('empty-folder', {}), line: (p) => `${p} is an empty folder;` },
    { what: 'a folder with no mail', make: () => folder('papers', { 'cv.pdf': PDF_START }), line: (p) => `No .mbox or .eml file under ${p} (only 1 file: cv.pdf)` },
    { what: 'random bytes named takeout.zip', make: () => file('takeout.zip', random), line: (p) => `${p} is named like an archive but is neither a zip nor a tar archive, nor an mbox (first bytes "\\x9cN\\x1aw\\xf0\\xb2\\xd3\\xe8U\\xaa\\x01\\xfe<{\\x9d ")` },
    { what: 'a PDF', make: () => file('cv.pdf', PDF_START), line: (p) => `${p} does not start like an mbox (first bytes "%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3\\n1"); pass the .mbox file from your Takeout export.` },
    { what: 'a zip without mail', make: () => file('drive.zip', zipOf({ 'Takeout/Drive/cv.pdf': PDF_START })), line: (p) => `${p} holds no .mbox or .eml file (only 1 file: Takeout/Drive/cv.pdf)` },
    { what: 'a broken zip', make: () => file('cut.zip', zipOf(takeoutTree()).subarray(0, 900)), line: (p) => `${p} looks like a zip archive but cannot be read (` },
  ];

  function file(name: string, data: Buffer | string): string {
    writeFileSync(join(dir, name), data);
    return join(dir, name);
  }
  function folder(name: string, files: Record<string, Buffer | string>): string {
    mkdirSync(join(dir, name), { recursive: true });
    return writeTree(join(dir, name), files);
  }

  it.each(cases)('report: $what', async ({ make, line }) => {
    const path = make();
    const result = await report(path, env);
    expect(result.code).toBe(7);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([expect.stringContaining(`followup: ${line(path)}`), '']);
  });

  it('run on random bytes drafts nothing, and exits 7', async () => {
    const { dir: home, env: runEnv } = await tempHome();
    const drafts = join(home, 'drafts');
    const result = await followup(['run', '--mbox', file('takeout-2.zip', random), '--drafts-dir', drafts, '--config', DEMO_CONFIG, '--now', DEMO_NOW], runEnv);
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('is named like an archive but is neither a zip nor a tar archive');
    expect(existsSync(drafts) ? readdirSync(drafts) : []).toEqual([]);
  });
});
