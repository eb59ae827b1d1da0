import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { aDecision, anAction, anInterview, anInterviewerState, anInterviewState, aWarning } from './decision-builder.ts';

// Cells of a markdown table row: split on pipes that are not backslash-escaped.
function cells(row: string): string[] {
  return row.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim());
}

const decision = aDecision({
  interviews: [
    anInterviewState({
      interviewers: [anInterviewerState(), anInterviewerState({ name: 'Ann | Lee *', email: 'ann@acme.com' })],
      notes: ['Skipped the check-in: a thank-you is still due.'],
    }),
    anInterviewState({
      interview: anInterview({ id: 'globex-sre', company: 'Globex', role: 'SRE' }),
      status: 'awaiting-reply',
      explanation: 'Waiting for Globex.',
      checkInDueAt: new Date('2026-11-30T05:00:00Z'),
      actions: [],
    }),
  ],
  warnings: [aWarning(), aWarning({ code: 'undated-message', message: 'A message had no date.', source: undefined })],
});
const text = renderMarkdown(decision, { timezone: 'America/New_York' });
const lines = text.split('\n');

describe('renderMarkdown', () => {
  it('has a title, a heading per interview, and the warnings last', () => {
    expect(lines[0]).toBe('# Interview follow-up report');
    expect(text).toContain('As of Tue Nov 24 09:00 (America/New_York).');
    const headings = lines.filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Acme: Backend Engineer (acme-backend)', '## Globex: SRE (globex-sre)', '## Warnings']);
    expect(lines.slice(lines.indexOf('## Warnings'))).toEqual([
      '## Warnings',
      '',
      '- unparseable-message: Could not parse a message; skipped. (mailbox.mbox@1024)',
      '- undated-message: A message had no date.',
    ]);
  });

  it('lists status, explanation and dates in the user time zone', () => {
    expect(text).toContain('- **Status:** thank-you-due. A thank-you to Jane is due.');
    expect(text).toContain('- **Check-in due:** Mon Nov 30 00:00');
    expect(text).toContain('- **Last heard from the company:** nothing yet');
  });

  it('puts the interviewers in a table whose rows keep five cells, even with a pipe in a name', () => {
    const header = lines.indexOf('| Interviewer | Thank-you | Sent | Due by | Why |');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe('| --- | --- | --- | --- | --- |');
    const rows = [lines[header + 2] ?? '', lines[header + 3] ?? ''];
    expect(cells(rows[0] ?? '')).toEqual(['Jane Smith (jane@acme.com)', 'due', '—', 'Tue Nov 24 23:59', 'Interview started 10:00, so the same day counts.']);
    expect(cells(rows[1] ?? '')).toHaveLength(5);
    expect(rows[1]).toContain('Ann \\| Lee \\*');
  });

  it('lists the drafts with their state and reason, or says there are none', () => {
    expect(text).toContain('### Drafts\n\n- **thank-you** to jane@acme.com, new thread: *planned*. No thank-you to Jane yet; the interview ended 1 day ago.');
    const globex = text.slice(text.indexOf('## Globex'));
    expect(globex).toContain('### Drafts\n\nNo drafts.');
    expect(text).toContain('### Notes\n\n- Skipped the check-in: a thank-you is still due.');
  });

  it('keeps a reason with markup or line breaks on one escaped line', () => {
    const odd = aDecision({ interviews: [anInterviewState({ actions: [anAction({ reason: 'Re: <b>hi</b>\n# not a heading' })] })] });
    expect(renderMarkdown(odd, { timezone: 'UTC' })).toContain('Re: \\<b\\>hi\\</b\\> \\# not a heading');
  });
});
