import { describe, expect, it } from 'vitest';
import { JANE, mine, only, run, theirs } from './builders.ts';
import type { Ledger } from '../../src/core/types.ts';

const KEY = 'thank-you:acme-backend:jane@acme.com';
const NOW = '2026-11-18T13:00:00-05:00';
const drafted: Ledger = {
  version: 1,
  entries: [{ actionKey: KEY, interviewId: 'acme-backend', kind: 'thank-you', draftId: 'd1', to: [JANE.email], createdAt: '2026-11-18T17:00:00.000Z' }],
};

describe('never a second draft for one action (ledger)', () => {
  it.each([
    { name: 'nothing drafted yet → planned', ledger: undefined, drafts: [], draft: 'planned' },
    { name: 'drafted and still waiting → exists', ledger: drafted, drafts: [{ id: 'd1', to: [{ email: JANE.email }], cc: [], subject: 'Thank you', actionKey: KEY }], draft: 'exists' },
    { name: 'drafted, then deleted unsent → dismissed', ledger: drafted, drafts: [], draft: 'dismissed' },
    { name: 'our draft waiting but the ledger lost it (crash) → exists, adopted', ledger: undefined, drafts: [{ id: 'd9', to: [{ email: JANE.email }], cc: [], subject: 'Thank you', actionKey: KEY }], draft: 'exists' },
    { name: 'the user has their own draft to Jane → exists', ledger: undefined, drafts: [{ id: 'u1', to: [{ email: JANE.email }], cc: [], subject: 'thanks!' }], draft: 'exists' },
  ])('$name', ({ name, ledger, drafts, draft }) => {
    const [action] = only(run({ now: NOW, ledger, drafts })).actions;
    expect(action?.draft).toBe(draft);
    expect(action?.draft === 'exists' && action.unrecorded).toBe(name.includes('adopted'));
  });

  it('a sent draft is recognised as the thank-you it became', () => {
    const sent = mine('2026-11-18T12:30:00-05:00', [JANE.email]);
    const state = only(run({ now: NOW, ledger: drafted, messages: [sent] }));
    expect(state.interviewers[0]!.thankYou.status).toBe('on-time');
    expect(state.actions).toEqual([]);
  });

  it('a waiting draft the company has overtaken is reported stale, with what changed', () => {
    const reply = theirs('2026-11-18T12:40:00-05:00', JANE.email, 'Thanks for coming in!');
    const state = only(run({
      now: NOW,
      ledger: { version: 1, entries: [{ ...drafted.entries[0]!, createdAt: '2026-11-18T17:00:00.000Z' }] },
      drafts: [{ id: 'd1', to: [{ email: JANE.email }], cc: [], subject: 'Thank you', actionKey: KEY }],
      messages: [reply],
    }));
    expect(state.actions).toEqual([
      expect.objectContaining({ kind: 'thank-you', draft: 'stale', draftId: 'd1', reason: 'stale thank-you draft: Acme wrote on Wed Nov 18, after this draft was made' }),
    ]);
  });
});
