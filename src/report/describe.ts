import type { Action, Warning } from '../core/types.ts';

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
