import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeDraft } from '../../src/compose/compose-draft.ts';
import { emlDraftStore, fileNameFor } from '../../src/drafts/eml-dir-store.ts';
import { aMe, anAction, anInterview } from '../report/decision-builder.ts';

async function aDraft(overrides: Parameters<typeof anAction>[0] = {}) {
  return composeDraft({ action: anAction(overrides), interview: anInterview(), me: aMe(), timezone: 'America/New_York', date: new Date('2026-11-24T14:00:00Z') });
}

describe('.eml drafts folder', () => {
  it('writes drafts a mail program opens as drafts (X-Unsent: 1), lists them with their content hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'followup-drafts-'));
    const store = emlDraftStore(dir);
    const draft = await aDraft();
    const { draftId, location } = await store.create(draft);
    expect(location).toBe(join(dir, draftId));
    const raw = await readFile(location!);
    expect(raw.toString('latin1').split('\r\n')[0]).toBe('X-Unsent: 1');
    expect((await simpleParser(raw)).headers.get('x-unsent')).toBe('1');
    expect(await store.list()).toEqual([expect.objectContaining({ id: draftId, actionKey: draft.actionKey, contentHash: draft.contentHash })]);
  });

  it('names files readably, one per action, never cutting the address', () => {
    const to = [{ email: 'jane.smith@acme-corporation.example' }];
    const name = fileNameFor({ actionKey: 'thank-you:acme-backend:jane.smith@acme-corporation.example', interviewId: 'acme-backend', kind: 'thank-you', to });
    expect(name).toMatch(/^acme-backend thank-you jane\.smith@acme-corporation\.example [0-9a-f]{6}\.eml$/);
    const other = fileNameFor({ actionKey: 'check-in:acme-backend:<a@b>', interviewId: 'acme-backend', kind: 'check-in', to });
    const again = fileNameFor({ actionKey: 'check-in:acme-backend:<c@d>', interviewId: 'acme-backend', kind: 'check-in', to });
    expect(other).not.toBe(again);
    const longId = 'x'.repeat(64);
    const longAddress = [{ email: `${'a'.repeat(60)}@${'b'.repeat(70)}.example` }];
    const long = fileNameFor({ actionKey: 'k', interviewId: longId, kind: 'rejection-reply', to: longAddress });
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long).toContain(` ${longAddress[0]!.email} `);
  });

  it('discards only an untouched draft of its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'followup-drafts-'));
    const store = emlDraftStore(dir);
    const draft = await aDraft();
    const { draftId } = await store.create(draft);
    const edited = (await readFile(join(dir, draftId), 'latin1')).replace('Dear Jane', 'Hi Jane');
    await writeFile(join(dir, draftId), edited, 'latin1');
    expect(await store.discard(draftId, draft.contentHash)).toBe(false);
    expect(await readdir(dir)).toEqual([draftId]);
    const other = await aDraft({ kind: 'check-in', key: 'check-in:acme-backend:m1' });
    const made = await store.create(other);
    expect(await store.discard(made.draftId, other.contentHash)).toBe(true);
    expect(await readdir(dir)).toEqual([draftId]);
    expect(await store.discard(made.draftId, other.contentHash)).toBe(true);
  });
});
