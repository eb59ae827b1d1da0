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
