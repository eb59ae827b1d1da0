import type { Action, Decision, InterviewerState, InterviewState } from '../core/types.ts';
import type { ListedInterview } from '../core/discovery/types.ts';
import { draftPlace, foundSentence, oneLine, readingSentence, recipients, suggestionLine, warningText, type TimeContext } from './describe.ts';
import { notDecidedOn } from './listing-json.ts';
import { formatInstant } from './format-time.ts';

export interface MarkdownOptions {
  timezone: string;
}

// Names, reasons and explanations can carry text from mail: escape what markdown would read as
// markup (CommonMark allows a backslash before any ASCII punctuation) and keep each on one line.
function md(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#]/g, '\\$&');
}

function interviewerRow(i: InterviewerState, at: TimeContext): string {
  const sent = i.thankYou.sentAt ? formatInstant(i.thankYou.sentAt, at.timezone, at.now) : '—';
  const due = formatInstant(i.thankYou.dueBy, at.timezone, at.now);
  const cells = [`${md(i.name)} (${md(i.email)})`, i.thankYou.status, sent, due, md(i.thankYou.explanation)];
  return `| ${cells.join(' | ')} |`;
}

function actionItem(a: Action): string {
  return `- **${a.kind}** to ${md(recipients(a))}, ${md(draftPlace(a))}: *${a.draft}*. ${md(a.reason)}`;
}

function facts(state: InterviewState, at: TimeContext): string[] {
  const when = (date: Date | undefined, none: string) => (date ? formatInstant(date, at.timezone, at.now) : none);
  return [
    `- **Status:** ${state.status}. ${md(state.explanation)}`,
    `- **Interview:** ${when(state.interview.start, '—')}`,
    `- **Last heard from the company:** ${when(state.lastCompanyMessageAt, 'nothing yet')}`,
    ...(state.checkInDueAt ? [`- **Check-in due:** ${when(state.checkInDueAt, '—')}`] : []),
    `- **Unanswered follow-ups:** ${state.unansweredFollowUps}`,
    ...(state.unread.length > 0 ? ['- **Not fully read:** nothing new is drafted for it this run (see the notes)'] : []),
  ];
}

function section(state: InterviewState, at: TimeContext, listed?: ListedInterview): string[] {
  const { interview } = state;
  const table =
    state.interviewers.length === 0
      ? ['No interviewers.']
      : [
          '| Interviewer | Thank-you | Sent | Due by | Why |',
          '| --- | --- | --- | --- | --- |',
          ...state.interviewers.map((i) => interviewerRow(i, at)),
        ];
  return [
    `## ${md(interview.company)}: ${md(interview.role ?? 'role not known')} (${md(interview.id)})`,
    '',
    ...facts(state, at),
    ...(listed && foundSentence(listed, at) ? [`- **Source:** ${md(foundSentence(listed, at)!)}`] : []),
    '',
    ...table,
    '',
    '### Drafts',
    '',
    ...(state.actions.length === 0 ? ['No drafts.'] : state.actions.map(actionItem)),
    ...(state.notes.length === 0 ? [] : ['', '### Notes', '', ...state.notes.map((n) => `- ${md(n)}`)]),
    '',
  ];
}

/** The report as Markdown: a heading per interview, its interviewers as a table, its drafts as a
 *  list, then the warnings. */
export function renderMarkdown(decision: Decision, options: MarkdownOptions): string {
  const at: TimeContext = { timezone: options.timezone, now: decision.now };
  const listed = new Map((decision.listing ?? []).map((l) => [l.interview.id, l]));
  const others = notDecidedOn(decision.listing ?? [], new Set(decision.interviews.map((i) => i.interview.id)));
  const lines = [
    '# Interview follow-up report',
    '',
    `As of ${formatInstant(decision.now, options.timezone)} (${options.timezone}). Your addresses: ${md(decision.me.emails.join(', '))}.${decision.reading ? ` ${md(readingSentence(decision.reading)!)}.` : ''}`,
    '',
    ...(decision.interviews.length === 0
      ? ['No interviews configured or found in your mail.', '']
      : decision.interviews.flatMap((s) => section(s, at, listed.get(s.interview.id)))),
    ...(others.length > 0 ? ['## Found in your mail, not followed up', '', ...others.map((l) => `- ${md(suggestionLine(l, at))}`), ''] : []),
    '## Warnings',
    '',
    ...(decision.warnings.length === 0 ? ['None.'] : decision.warnings.map((w) => `- ${md(warningText(w))}`)),
  ];
  return lines.join('\n');
}
