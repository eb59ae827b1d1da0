import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { DraftState } from '../../src/core/types.ts';
import { formatInstant } from '../../src/report/format-time.ts';
import { renderTable } from '../../src/report/table.ts';
import { aDecision, progressOf, withProgress, anAction, anInterview, anInterviewerState, anInterviewState, aWarning } from './decision-builder.ts';

const ANSI = /\x1b\[/;
const STATES: DraftState[] = ['planned', 'created', 'exists', 'dismissed', 'stale'];

const decision = aDecision({
  interviews: [
    anInterviewState({
      interviewers: [
        anInterviewerState(),
        anInterviewerState({
          name: 'Bob Ray',
          email: 'bob@acme.com',
          thankYou: { status: 'late', sentAt: new Date('2026-11-20T15:00:00Z'), dueBy: new Date('2026-11-19T04:59:59.999Z'), explanation: 'Sent a day after the deadline.' },
        }),
      ],
      actions: STATES.map((draft, i) => withProgress(anAction({ key: `k${i}`, reason: `Reason number ${i}.` }), progressOf(draft, `d${i}`))),
      notes: ['No check-in yet: a thank-you is still due.'],
    }),
    anInterviewState({
      interview: anInterview({ id: 'globex-sre', company: 'Globex', role: 'SRE' }),
      status: 'rejected',
      explanation: 'Globex wrote on Nov 20 that they went with another candidate.',
      actions: [],
    }),
  ],
  warnings: [aWarning()],
});

describe('renderTable', () => {
  it('has no escape codes when colour is off', () => {
    expect(renderTable(decision, { color: false, timezone: 'America/New_York' })).not.toMatch(ANSI);
  });

  it('colours status words when colour is on, with the same text underneath', () => {
    const coloured = renderTable(decision, { color: true, timezone: 'America/New_York' });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\x1b[31mrejected\x1b[39m');
    const plain = renderTable(decision, { color: false, timezone: 'America/New_York' });
    expect(stripVTControlCharacters(coloured).replace(/\s+/g, ' ')).toBe(plain.replace(/\s+/g, ' '));
  });

  it('shows each interview, its status and explanation, thank-you lines, drafts, notes and warnings', () => {
    const text = renderTable(decision, { color: false, timezone: 'America/New_York', width: 200 });
    for (const expected of [
      'Acme', 'Backend Engineer', 'thank-you-due', 'A thank-you to Jane is due.',
      'Globex', 'SRE', 'rejected', 'Globex wrote on Nov 20 that they went with another candidate.',
      'Jane Smith: due — ',
      'Bob Ray: late — ',
      'No check-in yet: a thank-you is still due.',
      'Warnings (1)', 'unparseable-message: Could not parse a message; skipped. (mailbox.mbox@1024)',
    ]) {
      expect(text).toContain(expected);
    }
    for (const [i, state] of STATES.entries()) {
      expect(text).toContain(`thank-you to jane@acme.com [${state}]`);
      expect(text).toContain(`Reason number ${i}.`);
    }
    expect(text.indexOf('Warnings')).toBeGreaterThan(text.indexOf('Globex'));
  });

  it('formats times in the user time zone', () => {
    const london = renderTable(decision, { color: false, timezone: 'Europe/London', width: 200 });
    const start = decision.interviews[0]!.interview.start;
    expect(london).toContain(formatInstant(start, 'Europe/London', decision.now));
    expect(london).not.toContain(formatInstant(start, 'America/New_York', decision.now));
    expect(london).toContain('(Europe/London)');
  });

  it('adds the year to a date in another year than now', () => {
    const old = aDecision({ interviews: [anInterviewState({ interview: anInterview({ start: new Date('2025-12-30T15:00:00Z') }) })] });
    expect(renderTable(old, { color: false, timezone: 'UTC' })).toContain('Tue Dec 30 2025');
  });

  it('keeps to the given width', () => {
    const lines = renderTable(decision, { color: false, timezone: 'UTC', width: 90 }).split('\n');
    const tableLines = lines.filter((line) => /^[│┌├└]/.test(line));
    expect(tableLines.length).toBeGreaterThan(5);
    for (const line of tableLines) expect(line.length).toBeLessThanOrEqual(90);
  });

  it('keeps escape codes and line breaks from mail out of the terminal', () => {
    const hostile = aDecision({
      interviews: [anInterviewState({ explanation: 'Subject \x1b[31mred\x1b[0m\r\nline', actions: [anAction({ reason: 'a\x07b' })] })],
      warnings: [aWarning({ message: 'bad \x1b]0;title\x07 message' })],
    });
    const text = renderTable(hostile, { color: false, timezone: 'UTC', width: 200 });
    expect(text).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(text).toContain('Subject [31mred [0m line');
  });

  it('says so when there are no interviews, and leaves warnings out when there are none', () => {
    const text = renderTable(aDecision({ interviews: [] }), { color: false, timezone: 'UTC' });
    expect(text).toContain('No interviews configured or found in your mail.');
    expect(text).not.toContain('Warnings');
  });
});

describe('renderTable: found interviews', () => {
  const found = anInterview({ id: 'acme-corp-2026-11-18-3f9a', company: 'Acme Corp', source: 'invitation', invite: 'uid-1@google.com' });
  const suggested = anInterview({ id: 'initech-2026-11-30-aa11', company: 'Initech', role: undefined, start: new Date('2026-11-30T15:00:00Z'), source: 'invitation', invite: 'uid-2@x' });
  const ref = (uid: string, subject: string) => ({ uid, sequence: 0, subject, from: { name: 'Rita', email: 'rita@acme-corp.com' }, receivedAt: new Date('2026-11-10T14:00:00Z') });
  const withFound = aDecision({
    interviews: [anInterviewState({ interview: found })],
    listing: [
      { interview: found, source: 'invitation', confidence: 'auto', status: 'active', reason: 'the title says “Interview with Acme Corp”', guessed: ['interviewer-names'], invitation: ref('uid-1@google.com', 'Invitation: Interview with Acme Corp'), notes: [] },
      { interview: suggested, source: 'invitation', confidence: 'suggested', status: 'active', reason: 'a meeting with people at initech.com, nothing more', guessed: ['company'], invitation: ref('uid-2@x', 'Sync'), notes: [] },
    ],
    reading: { messagesRead: 1204, messagesMatched: 0, sources: ['all.mbox'] },
  });

  it('marks the found ones with their evidence, and lists the suggested ones with the command that adds them', () => {
    const text = renderTable(withFound, { color: false, timezone: 'UTC', width: 200 });
    expect(text).toContain('found in mail');
    expect(text).toContain('found in your mail: “Invitation: Interview with Acme Corp” from rita@acme-corp.com, Tue Nov 10 14:00; guessed: interviewer-names');
    expect(text).toContain('Found in your mail, not followed up (1)');
    expect(text).toContain('initech-2026-11-30-aa11 — Initech, Mon Nov 30 15:00 — a meeting with people at initech.com, nothing more (suggested: followup interviews add initech-2026-11-30-aa11)');
    expect(text.indexOf('Found in your mail, not followed up')).toBeGreaterThan(text.indexOf('Acme Corp ('));
  });

  it('says how much mail was read, so a wrong export shows at a glance', () => {
    expect(renderTable(withFound, { color: false, timezone: 'UTC' })).toContain('0 messages about your interviews in 1,204 messages read (all.mbox)');
  });
});
