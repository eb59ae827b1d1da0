import type { Action, InterviewerState, Warning } from '../core/types.ts';
import { formatInstant } from './format-time.ts';

// Sentences shared by the table and the markdown report, so both say the same thing.

/** Text from mail (names, subjects in reasons) on one line, without control characters: a stray
 *  escape sequence in a subject must not reach the terminal. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim();
}

export interface TimeContext {
  timezone: string;
  now: Date;
}

/** What follows the status word: " by Tue Nov 24 23:59", ", sent Wed Nov 18 15:00 (due by …)" … */
export function thankYouTiming(thankYou: InterviewerState['thankYou'], at: TimeContext): string {
  const due = formatInstant(thankYou.dueBy, at.timezone, at.now);
  if (thankYou.sentAt) return `, sent ${formatInstant(thankYou.sentAt, at.timezone, at.now)} (due by ${due})`;
  if (thankYou.status === 'missing') return `, none sent (was due by ${due})`;
  return thankYou.status === 'due' ? ` by ${due}` : `, due by ${due}`;
}

export function recipients(action: Action): string {
  return oneLine(action.to.map((a) => a.email).join(', ')) || '(no recipient)';
}

/** "reply in thread 18c…" or "new thread"; a draft id is added once a draft exists. */
export function draftPlace(action: Action): string {
  const threadId = action.threadId ?? action.parent?.threadId;
  const place = threadId ? `reply in thread ${oneLine(threadId)}` : 'new thread';
  return action.draftId ? `${place}, draft ${oneLine(action.draftId)}` : place;
}

export function warningText(warning: Warning): string {
  const text = `${oneLine(warning.code)}: ${oneLine(warning.message)}`;
  return warning.source ? `${text} (${oneLine(warning.source)})` : text;
}
