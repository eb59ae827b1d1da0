import { MAX_CALENDAR_BYTES } from './calendar-limits.ts';

// Which MIME parts carry a calendar, and their text. Shared by the mailparser (mbox, .eml) and the
// Gmail adapters so both find the same parts and decode them the same way.

const CALENDAR_TYPES: ReadonlySet<string> = new Set(['text/calendar', 'application/ics']);

/** An inline text/calendar part (all Outlook sends), an application/ics part, or an .ics file. */
export function isCalendarPart(mimeType: string | undefined, filename: string | undefined): boolean {
  if (CALENDAR_TYPES.has((mimeType ?? '').trim().toLowerCase())) return true;
  return /\.ics$/i.test((filename ?? '').trim());
}

/** The text of a calendar part's bytes (transfer encoding already removed) in its charset; UTF-8,
 *  the iCalendar default (RFC 5545 §3.1.4), when it names none or one the runtime does not know.
 *  Bytes past the size limit are not decoded: parseCalendarText refuses the part anyway. */
export function decodeCalendarBytes(bytes: Uint8Array, charset: string | undefined): string {
  const kept = bytes.subarray(0, MAX_CALENDAR_BYTES + 1);
  try {
    return new TextDecoder((charset ?? 'utf-8').trim().slice(0, 40) || 'utf-8').decode(kept);
  } catch {
    return new TextDecoder('utf-8').decode(kept);
  }
}
