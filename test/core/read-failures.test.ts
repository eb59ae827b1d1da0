import { describe, expect, it } from 'vitest';
import { companyIdentity } from '../../src/core/company.ts';
import { mayConcern } from '../../src/core/read-failures.ts';
import type { Warning } from '../../src/core/warnings.ts';
import { BOB, interview, JANE, mine, only, run, theirs } from './builders.ts';

// §1: a read failure is attributed to every interview it may concern, by R3's own rule.

const ACME = interview();
const GLOBEX = interview({
  id: 'globex-platform', company: 'Globex', domains: ['globex.com'],
  interviewers: [{ name: 'Priya Nair', email: 'priya@globex.com', topics: [] }],
  contact: { name: 'Priya Nair', email: 'priya@globex.com' },
});

function failure(evidence?: Warning['evidence']): Warning {
  return { code: 'unparseable-message', message: 'Cannot parse this message; skipped.', source: 'mail.mbox@10', ...(evidence ? { evidence } : {}) };
}

describe('mayConcern', () => {
  it.each([
    { name: 'an interviewer address', evidence: { addresses: ['jane@acme.com'] }, acme: true, globex: false },
    { name: 'another address at the company domain (a recruiter)', evidence: { addresses: ['rita@careers.acme.com', 'alex@example.com'] }, acme: true, globex: false },
    { name: 'only my own address', evidence: { addresses: ['alex@example.com'] }, acme: false, globex: false },
    { name: 'the interviews whose searches found it', evidence: { interviewIds: ['globex-platform'] }, acme: false, globex: true },
    { name: 'an ATS message naming the company', evidence: { addresses: ['no-reply@greenhouse.io'], companies: ['Acme'] }, acme: true, globex: false },
    { name: 'a non-ATS message naming the company', evidence: { addresses: ['news@press.example'], companies: ['Acme'] }, acme: false, globex: false },
    { name: 'no evidence at all: any interview', evidence: undefined, acme: true, globex: true },
  ])('$name', ({ evidence, acme, globex }) => {
    const w = failure(evidence);
    expect(mayConcern(w, ACME, companyIdentity(ACME))).toBe(acme);
    expect(mayConcern(w, GLOBEX, companyIdentity(GLOBEX))).toBe(globex);
  });

  it('advice never holds anything back', () => {
    const advice: Warning = { code: 'date-replaced', message: 'used the From_ line date', evidence: { addresses: ['jane@acme.com'] } };
    expect(mayConcern(advice, ACME, companyIdentity(ACME))).toBe(false);
  });
});

describe('decide with read failures', () => {
  const now = '2026-11-19T09:00:00-05:00';

  it('plans no new draft for an interview not fully read, and says why; the other interview goes ahead', () => {
    const decision = run({ now, interviews: [ACME, GLOBEX], readWarnings: [failure({ addresses: ['jane@acme.com'] })] });
    const [acme, globex] = decision.interviews;
    expect(acme!.actions).toEqual([]);
    expect(acme!.status).toBe('thank-you-due');
    expect(acme!.unread).toHaveLength(1);
    expect(acme!.notes[0]).toMatch(/^incomplete read — nothing new is drafted .*not drafted: thank-you to Jane Smith$/);
    expect(globex!.actions.map((a) => a.kind)).toEqual(['thank-you']);
    expect(decision.warnings).toEqual([expect.objectContaining({ code: 'unparseable-message', concerns: ['acme-backend'] })]);
  });

  it('leaves a waiting draft alone (never discards it) while the interview is not fully read', () => {
    const key = 'check-in:acme-backend:m-anchor';
    const reply = theirs('2026-11-18T15:00:00-05:00', JANE.email, 'Thanks, we will be in touch.');
    const state = only(run({
      now,
      discardStale: true,
      readWarnings: [failure({ addresses: [BOB.email, JANE.email] })],
      messages: [mine('2026-11-18T12:00:00-05:00', [JANE.email]), reply],
      ledger: { version: 1, entries: [{ actionKey: key, interviewId: 'acme-backend', kind: 'check-in', draftId: 'd1', to: [JANE.email], createdAt: '2026-11-18T16:00:00.000Z', contentHash: 'h' }] },
      drafts: [{ id: 'd1', to: [{ email: JANE.email }], cc: [], subject: 'Re: x', actionKey: key, contentHash: 'h' }],
    }));
    expect(state.actions).toEqual([expect.objectContaining({ draft: 'stale', draftId: 'd1', discard: false })]);
  });
});
