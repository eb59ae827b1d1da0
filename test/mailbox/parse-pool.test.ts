import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/mailbox/parse-message.ts';
import { ParsePool } from '../../src/mailbox/parse-pool.ts';

const EML = join(import.meta.dirname, '../../fixtures/eml');
const fixture = (name: string): Buffer => readFileSync(join(EML, name));
const options = (name: string) => ({ source: name, fallbackId: `eml:${name}`, fallbackDate: new Date('2026-11-20T00:00:00Z') });

let pool: ParsePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('ParsePool', () => {
  it('gives what parseMessage gives, for every fixture, many at a time', async () => {
    pool = new ParsePool();
    const names = ['quoted-printable.eml', 'base64.eml', 'html-only.eml', 'non-ascii-names.eml', 'missing-date.eml', 'broken-garbage.eml'];
    const viaPool = await Promise.all(names.map((n) => pool!.parse(fixture(n), options(n))));
    const inThread = await Promise.all(names.map((n) => parseMessage(fixture(n), options(n))));
    expect(viaPool).toEqual(inThread);
    expect(viaPool[0]?.parsed?.message.date).toBeInstanceOf(Date);
  });

  it('copies the message, so the caller may reuse its buffer at once', async () => {
    pool = new ParsePool();
    const buffer = Buffer.concat([fixture('quoted-printable.eml'), Buffer.alloc(1000)]);
    const view = buffer.subarray(0, buffer.length - 1000);
    const pending = pool.parse(view, options('qp'));
    buffer.fill(0);
    expect((await pending).parsed?.message.subject).toBe('Re: Thank you for today');
  });

  it('parses the message its thread dies on in the main thread, and the others in a new thread', async () => {
    pool = new ParsePool(new URL('./crashing-parse-worker.ts', import.meta.url));
    const crash = Buffer.concat([Buffer.from('X-Crash: yes\r\n'), fixture('html-only.eml')]);
    const results = await Promise.all([
      pool.parse(fixture('quoted-printable.eml'), options('a.eml')),
      pool.parse(crash, options('crash.eml')),
      pool.parse(fixture('base64.eml'), options('b.eml')),
    ]);
    expect(results[0]?.parsed?.message.subject).toBe('Re: Thank you for today');
    expect(results[1]).toEqual(await parseMessage(crash, options('crash.eml')));
    expect(results[1]?.parsed?.message.subject).toBe('Next steps');
    expect(results[2]?.parsed?.message.subject).toBe('Unterlagen f\u00fcr Montag');
    const after = await pool.parse(fixture('html-only.eml'), options('c.eml'));
    expect(after.parsed?.message.subject).toBe('Next steps');
  });
});
