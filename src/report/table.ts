import Table from 'cli-table3';
import type { Decision, InterviewState } from '../core/types.ts';
import { draftPlace, foundSentence, oneLine, readingSentence, recipients, suggestionLine, warningText, type TimeContext } from './describe.ts';
import { notDecidedOn } from './listing-json.ts';
import { formatInstant } from './format-time.ts';
import { painter, type Painter } from './style.ts';

export interface TableOptions {
  color: boolean;
  timezone: string;
  /** Total width in columns (the terminal's); defaults to 100. */
  width?: number;
}

const INTERVIEW_COL = 24;
const STATUS_COL = 27;
const MIN_NEXT_COL = 24;

// The table holds a few short lines per interview; the details follow it as plain text. cli-table3
// re-measures a cell's whole text for every line it draws, so a long cell costs the square of its
// length (seconds for a long history): long text stays out of the table.

function bullets(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`  ${title}:`, ...lines.map((line) => `  • ${line}`)];
}

function details(state: InterviewState, paint: Painter, found?: string): string[] {
  const thankYous = state.interviewers.map(
    (i) => `${oneLine(i.name)}: ${paint.thankYou(i.thankYou.status)} — ${oneLine(i.thankYou.explanation)}`,
  );
  // A reason already said above (the status sentence, a thank-you line) is not repeated.
  const said = [state.explanation, ...state.interviewers.map((i) => i.thankYou.explanation)].join('\n');
  const drafts = state.actions.map((a) => {
    const reason = said.includes(a.reason) ? '' : `: ${oneLine(a.reason)}`;
    return `${a.kind} to ${recipients(a)} [${paint.draft(a.draft)}] (${draftPlace(a)})${reason}`;
  });
  const { interview } = state;
  return [
    '',
    paint.bold(`${oneLine(interview.company)}${interview.role ? ` — ${oneLine(interview.role)}` : ''} (${oneLine(interview.id)}): ${paint.interview(state.status)}`),
    `  ${oneLine(state.explanation)}`,
    ...(found ? [`  ${paint.dim(found)}`] : []),
    ...bullets(paint.bold('Thank-you notes'), thankYous),
    ...bullets(paint.bold('Drafts'), drafts),
    ...bullets(paint.bold('Notes'), state.notes.map(oneLine)),
  ];
}

/** The drafts in a few words: kind, recipient, state. */
function nextCell(state: InterviewState, paint: Painter): string {
  if (state.actions.length === 0) return paint.dim('no draft');
  return state.actions.map((a) => `${a.kind} to ${recipients(a)} [${paint.draft(a.draft)}]`).join('\n');
}

function statusCell(state: InterviewState, paint: Painter, at: TimeContext): string {
  const lines = [paint.interview(state.status)];
  const last = state.lastCompanyMessageAt;
  lines.push(`heard ${last ? formatInstant(last, at.timezone, at.now) : 'nothing yet'}`);
  if (state.checkInDueAt) lines.push(`check-in ${formatInstant(state.checkInDueAt, at.timezone, at.now)}`);
  if (state.unansweredFollowUps > 0) lines.push(`${state.unansweredFollowUps} unanswered`);
  if (state.unread.length > 0) lines.push(paint.bold('not fully read: nothing new drafted'));
  return lines.join('\n');
}

function interviewCell(state: InterviewState, paint: Painter, at: TimeContext): string {
  const { interview } = state;
  const start = formatInstant(interview.start, at.timezone, at.now);
  const found = interview.source === 'invitation' ? [paint.dim('found in mail')] : [];
  return [paint.bold(oneLine(interview.company)), oneLine(interview.role ?? '(role not known)'), paint.dim(oneLine(interview.id)), paint.dim(start), ...found]
    .join('\n');
}

/** The terminal report: a row per interview, each interview's details, then the warnings. */
export function renderTable(decision: Decision, options: TableOptions): string {
  const paint = painter(options.color);
  const at: TimeContext = { timezone: options.timezone, now: decision.now };
  const nextCol = Math.max(MIN_NEXT_COL, (options.width ?? 100) - INTERVIEW_COL - STATUS_COL - 4);
  const table = new Table({
    head: ['Interview', 'Status', 'Drafts'],
    colWidths: [INTERVIEW_COL, STATUS_COL, nextCol],
    wordWrap: true,
    // cli-table3 colours the head and borders by default; colour is the caller's choice.
    style: options.color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
  });
  const listed = new Map((decision.listing ?? []).map((l) => [l.interview.id, l]));
  const sections: string[] = [];
  for (const state of decision.interviews) {
    table.push([interviewCell(state, paint, at), statusCell(state, paint, at), nextCell(state, paint)]);
    sections.push(...details(state, paint, foundSentence(listed.get(state.interview.id), at)));
  }
  const title = `Interview follow-up report, ${formatInstant(decision.now, options.timezone)} (${options.timezone})`;
  const mine = [`Your addresses: ${oneLine(decision.me.emails.join(', '))}`, readingSentence(decision.reading)].filter(Boolean).join('. ');
  const body = decision.interviews.length === 0 ? 'No interviews configured or found in your mail.' : table.toString();
  const others = notDecidedOn(decision.listing ?? [], new Set(decision.interviews.map((i) => i.interview.id)));
  const suggestions = others.length > 0 ? ['', paint.bold(`Found in your mail, not followed up (${others.length})`), ...others.map((l) => `• ${suggestionLine(l, at)}`)] : [];
  const warnings = decision.warnings.map((w) => `• ${warningText(w)}`);
  const warningBlock = warnings.length > 0 ? ['', paint.bold(`Warnings (${warnings.length})`), ...warnings] : [];
  return [paint.bold(title), paint.dim(mine), body, ...sections, ...suggestions, ...warningBlock].join('\n');
}
