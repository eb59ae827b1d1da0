import { mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger, LedgerEntry } from '../../src/core/types.ts';
import { EXIT, FollowupError } from '../../src/errors.ts';
import { appendEntry, ledgerPath, readLedger, type LedgerLocation } from '../../src/state/ledger.ts';

let dir: string;
let at: LedgerLocation;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'followup-ledger-'));
  at = { dir: join(dir, 'state'), mailboxId: 'gmail:alex@example.com' };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(actionKey: string, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    actionKey,
    interviewId: 'acme-backend',
    kind: 'thank-you',
    draftId: `draft-${actionKey}`,
    to: ['jane@acme.com'],
    createdAt: '2026-11-19T08:00:00.000Z',
    ...extra,
  };
}

describe('ledger', () => {
  it('is empty when no file exists yet', async () => {
    expect(await readLedger(at)).toEqual({ version: 1, entries: [] });
  });

  it('round-trips entries, creating the state dir, file mode 0600', async () => {
    const ledger: Ledger = {
      version: 1,
      entries: [entry('a'), entry('b', { kind: 'check-in', threadId: 't1', contentHash: 'abc', to: ['x@y.co', 'z@y.co'], from: 'alex@example.com' })],
    };
    for (const e of ledger.entries) await appendEntry(at, e);
    expect(await readLedger(at)).toEqual(ledger);
    expect((await stat(ledgerPath(at))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(ledgerPath(at), 'utf8'))).toMatchObject({ mailbox: 'gmail:alex@example.com' });
  });

  it('keeps one ledger per mailbox in the same state dir', async () => {
    const other = { ...at, mailboxId: 'eml:/home/alex/drafts' };
    await appendEntry(at, entry('gmail-1'));
    await appendEntry(other, entry('eml-1'));
    expect(ledgerPath(at)).not.toBe(ledgerPath(other));
    expect((await readLedger(at)).entries.map((e) => e.actionKey)).toEqual(['gmail-1']);
    expect((await readLedger(other)).entries.map((e) => e.actionKey)).toEqual(['eml-1']);
  });

  it('appends, replacing an entry with the same action key', async () => {
    await appendEntry(at, entry('a'));
    await appendEntry(at, entry('b'));
    const ledger = await appendEntry(at, entry('a', { draftId: 'draft-a2' }));
    expect(ledger.entries.map((e) => [e.actionKey, e.draftId])).toEqual([
      ['b', 'draft-b'],
      ['a', 'draft-a2'],
    ]);
    expect(await readLedger(at)).toEqual(ledger);
  });

  it('loses no entry when drafts are recorded concurrently', async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `k${i}`);
    await Promise.all(keys.map((key) => appendEntry(at, entry(key))));
    expect((await readLedger(at)).entries.map((e) => e.actionKey).sort()).toEqual([...keys].sort());
  });

  it('replaces the file atomically: a reader that opened it before a write still reads the whole old ledger', async () => {
    const old: Ledger = { version: 1, entries: Array.from({ length: 200 }, (_, i) => entry(`old-${i}`)) };
    await Promise.all(old.entries.map((e) => appendEntry(at, e)));
    const before = await stat(ledgerPath(at));
    const reader = await open(ledgerPath(at), 'r');
    try {
      await appendEntry(at, entry('new'));
      const seenByReader = JSON.parse(await reader.readFile('utf8')) as Ledger;
      expect(seenByReader.entries.length).toBe(200);
    } finally {
      await reader.close();
    }
    expect((await stat(ledgerPath(at))).ino).not.toBe(before.ino);
    expect((await readLedger(at)).entries.at(-1)).toEqual(entry('new'));
    expect(await readdir(at.dir)).toEqual([basename(ledgerPath(at))]);
  });

  it.each([
    ['not JSON', '{"version": 1, "entries": [', /is damaged \(.*JSON/],
    ['a truncated file', '', /is damaged/],
    ['an entry without its key', '{"version": 1, "entries": [{"kind": "thank-you"}]}', /is damaged \(entries\.0\.actionKey: /],
    ['an unknown version', '{"version": 2, "entries": []}', /is damaged \(version: /],
  ])('refuses a corrupt file (%s) instead of resetting it', async (_, text, message) => {
    await appendEntry(at, entry('a'));
    await writeFile(ledgerPath(at), text);
    const error = await readLedger(at).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FollowupError);
    expect((error as FollowupError).exitCode).toBe(EXIT.input);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(ledgerPath(at));
    await expect(appendEntry(at, entry('b'))).rejects.toThrow(/is damaged/);
    expect(await readFile(ledgerPath(at), 'utf8')).toBe(text);
  });
});
