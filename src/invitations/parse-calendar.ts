import type { CalendarEvent, CalendarMethod } from '../core/invitation.ts';
import { calendarEvent } from './calendar-event.ts';
import { MAX_CALENDAR_BYTES, MAX_CALENDAR_EVENTS } from './calendar-limits.ts';
import { childrenOf, propertiesOf, readCalendars, type IcsComponent } from './ics-components.ts';
import { unfoldLines } from './ics-lines.ts';
import { zoneBook } from './zone-book.ts';

// One text/calendar part → its METHOD and events, with exact instants. The text is untrusted mail:
// this never throws, and a part too large or with too many events is refused before it is read.
//
// This module (through zone-names.ts) loads node-ical, which costs ~50–120 ms and ~14 MB of memory to load and puts
// the Temporal polyfill on globalThis: message-invitations.ts imports it only for a message that
// has a calendar part.

export type CalendarParse =
  | { ok: true; method?: CalendarMethod; events: CalendarEvent[] }
  | { ok: false; reason: string };

const METHODS: ReadonlySet<string> = new Set<CalendarMethod>([
  'REQUEST', 'CANCEL', 'PUBLISH', 'REPLY', 'ADD', 'REFRESH', 'COUNTER', 'DECLINECOUNTER',
]);

export function parseCalendarText(text: string): CalendarParse {
  try {
    return parseWithinLimits(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `it could not be read (${detail.slice(0, 200)})` };
  }
}

function parseWithinLimits(text: string): CalendarParse {
  if (text.length > MAX_CALENDAR_BYTES || Buffer.byteLength(text, 'utf8') > MAX_CALENDAR_BYTES) {
    return { ok: false, reason: `it is larger than ${MAX_CALENDAR_BYTES / 1_000_000} MB` };
  }
  if (hasMoreEventsThan(text, MAX_CALENDAR_EVENTS)) {
    return { ok: false, reason: `it has more than ${MAX_CALENDAR_EVENTS} events` };
  }
  const read = readCalendars(unfoldLines(text));
  if (!read.ok) return read;
  const method = methodOf(read.calendars);
  if (typeof method === 'object') return { ok: false, reason: method.reason };
  const zones = zoneBook(read.calendars);
  const events: CalendarEvent[] = [];
  for (const vevent of read.calendars.flatMap((calendar) => childrenOf(calendar, 'VEVENT'))) {
    const event = calendarEvent(vevent, zones);
    if ('reason' in event) return { ok: false, reason: event.reason };
    events.push(event);
  }
  return method === undefined ? { ok: true, events } : { ok: true, method, events };
}

/** A cheap count before anything is split or parsed (a folded "BEGIN:VEV\r\n ENT" is counted later). */
function hasMoreEventsThan(text: string, limit: number): boolean {
  const pattern = /^BEGIN:VEVENT/gim;
  let count = 0;
  while (pattern.exec(text) !== null) if (++count > limit) return true;
  return false;
}

/** The METHOD of the part (RFC 5546 §1.4); an unknown one counts as none. */
function methodOf(calendars: readonly IcsComponent[]): CalendarMethod | undefined | { reason: string } {
  const methods = new Set(calendars.flatMap((calendar) => propertiesOf(calendar, 'METHOD'))
    .map((line) => line.value.trim().toUpperCase()));
  if (methods.size > 1) return { reason: 'its calendars name different METHODs' };
  const [method] = methods;
  return method !== undefined && METHODS.has(method) ? (method as CalendarMethod) : undefined;
}
