import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAndDecide } from '../../src/commands/gather.ts';
import { mboxSource } from '../../src/commands/source.ts';
import { loadConfig } from '../../src/config/load.ts';
import { readFollowUpSummary, saveFollowUpSummary, SUMMARY_FILE, summarizeDecision } from '../../src/state/follow-up-summary.ts';
import { DEMO_CONFIG, DEMO_MBOX, DEMO_NOW } from '../helpers/cli.ts';

async function demoDecision() {
  const config = await loadConfig(DEMO_CONFIG);
  return (await readAndDecide({ config, source: await mboxSource(DEMO_MBOX), now: new Date(DEMO_NOW), ledger: { version: 1, entries: [] } })).decision;
}

describe('the next follow-ups summary', () => {
  it('keeps per interview its id, company, status, next dates and planned drafts, and no address', async () => {
    const decision = await demoDecision();
    const summary = summarizeDecision(decision, 'mbox');
    expect(summary.asOf).toBe(new Date(DEMO_NOW).toISOString());
    expect(summary.interviews.map((i) => i.id)).toEqual(decision.interviews.map((i) => i.interview.id));
    for (const [n, state] of decision.interviews.entries()) {
      const item = summary.interviews[n]!;
      expect(item).toMatchObject({ company: state.interview.company, status: state.status });
      expect(item.checkInDueAt).toBe(state.checkInDueAt?.toISOString());
      expect(item.drafts).toEqual(state.actions.map((a) => ({ kind: a.kind, draft: a.draft })));
      const owed = state.interviewers.filter((i) => i.thankYou.status === 'due' || i.thankYou.status === 'not-yet-due');
      const earliest = owed.map((i) => i.thankYou.dueBy.getTime()).sort((a, b) => a - b)[0];
      expect(item.thankYouDueBy).toBe(earliest === undefined ? undefined : new Date(earliest).toISOString());
    }
    const acme = summary.interviews.find((i) => i.id === 'acme-backend')!;
    expect(acme).toMatchObject({ status: 'thank-you-due', drafts: [{ kind: 'thank-you', draft: 'planned' }] });
    expect(acme.thankYouDueBy).toBeDefined();
    expect(JSON.stringify(summary)).not.toMatch(/@/);
  });

  it('is saved and read back; a missing or damaged file is simply no summary', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'followup-summary-')), 'state');
    expect(await readFollowUpSummary(dir)).toBeUndefined();
    const summary = summarizeDecision(await demoDecision(), 'mbox');
    await saveFollowUpSummary(dir, summary);
    expect(await readFollowUpSummary(dir)).toEqual(summary);
    await writeFile(join(dir, SUMMARY_FILE), '{"version": 1, "asOf": ');
    expect(await readFollowUpSummary(dir)).toBeUndefined();
  });
});
