import type { ListedInterview } from '../core/discovery/types.ts';
import type { Action, ReadingSummary, Warning } from '../core/types.ts';
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

export function recipients(action: Action): string {
  return oneLine(action.to.map((a) => a.email).join(', ')) || '(no recipient)';
}

/** The draft's id once there is a draft. */
export function draftIdOf(action: Action): string | undefined {
  return action.draft === 'planned' ? undefined : action.draftId;
}

/** "reply in thread 18c…" or "new thread"; a draft id is added once a draft exists. */
export function draftPlace(action: Action): string {
  const threadId = action.threadId ?? action.parent?.threadId;
  const place = threadId ? `reply in thread ${oneLine(threadId)}` : 'new thread';
  const draftId = draftIdOf(action);
  return draftId ? `${place}, draft ${oneLine(draftId)}` : place;
}

export function warningText(warning: Warning): string {
  const text = `${oneLine(warning.code)}: ${oneLine(warning.message)}`;
  return warning.source ? `${text} (${oneLine(warning.source)})` : text;
}

/** "3 messages about your interviews in 1,204 messages read (all.mbox)": a wrong export shows at a glance. */
export function readingSentence(reading: ReadingSummary | undefined): string | undefined {
  if (reading === undefined) return undefined;
  const n = (count: number) => count.toLocaleString('en-US');
  const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? '' : 's'}`;
  const where = reading.sources.length > 0 ? ` (${oneLine(reading.sources.slice(0, 3).join(', '))}${reading.sources.length > 3 ? ', …' : ''})` : '';
  return `${plural(reading.messagesMatched, 'message')} about your interviews in ${plural(reading.messagesRead, 'message')} read${where}`;
}

/** How a found interview was found, in one line: the invitation, its sender and date, the guesses. */
export function foundSentence(listed: ListedInterview | undefined, at: TimeContext): string | undefined {
  if (listed === undefined || listed.source !== 'invitation' || listed.invitation === null) return undefined;
  const ref = listed.invitation;
  const from = ref.from ? ` from ${oneLine(ref.from.email)}` : '';
  const guessed = listed.guessed.length > 0 ? `; guessed: ${listed.guessed.join(', ')}` : '';
  return `found in your mail: “${oneLine(ref.subject).slice(0, 80)}”${from}, ${formatInstant(ref.receivedAt, at.timezone, at.now)}${guessed}`;
}

/** A found interview that is not followed up, and the command that would. */
export function suggestionLine(listed: ListedInterview, at: TimeContext): string {
  const role = listed.interview.role ? ` ${oneLine(listed.interview.role)}` : '';
  const what = listed.status === 'ignored' ? 'ignored' : `${listed.confidence ?? 'found'}: followup interviews add ${oneLine(listed.interview.id)}`;
  return `${oneLine(listed.interview.id)} — ${oneLine(listed.interview.company)}${role}, ${formatInstant(listed.interview.start, at.timezone, at.now)} — ${oneLine(listed.reason)} (${what})`;
}
