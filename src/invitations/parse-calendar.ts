import ICAL from 'ical.js';
import type { CalendarEvent, CalendarMethod } from '../core/invitation.ts';
import { calendarEvent } from './calendar-event.ts';
import { MAX_CALENDAR_BYTES, MAX_CALENDAR_EVENTS } from './calendar-limits.ts';
import { structureProblem } from './calendar-structure.ts';
import { calendarZones, vtimezonesProblem } from './calendar-zones.ts';
import { firstValue } from './ical-values.ts';

// One text/calendar part → its METHOD and events, with exact instants. ical.js (Mozilla's RFC 5545
// parser) reads the text; this module keeps the limits, refuses what cannot be trusted and maps
// ical.js's components to the core's types. The text is untrusted mail: this never throws, and a
// part too large or with too many events is refused before it is parsed.
//
// This module loads ical.js (~7 ms, ~6 MB of memory) and, through zone-names.ts, node-ical (~35–120
// ms, ~14 MB, and the Temporal polyfill on globalThis): message-invitations.ts imports it only for a
// message that has a calendar part.

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
    // ical.js throws on a line it cannot read ("invalid line (no token ...)") and the like.
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
  const problem = structureProblem(text);
  if (problem !== undefined) return { ok: false, reason: problem };
  const calendars = vcalendarsOf(ICAL.parse(text));
  const method = methodOf(calendars);
  if (typeof method === 'object') return { ok: false, reason: method.reason };
  const zonesProblem = vtimezonesProblem(calendars);
  if (zonesProblem !== undefined) return { ok: false, reason: zonesProblem };
  const events: CalendarEvent[] = [];
  for (const calendar of calendars) {
    // Each VCALENDAR resolves its own TZIDs: a VTIMEZONE is never shared beyond it.
    const zones = calendarZones(calendar);
    for (const vevent of calendar.getAllSubcomponents('vevent')) {
      const event = calendarEvent(vevent, zones);
      if ('reason' in event) return { ok: false, reason: event.reason };
      events.push(event);
    }
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

/** ICAL.parse gives one jCal component, or an array of them when the text has several. */
function vcalendarsOf(jcal: unknown): ICAL.Component[] {
  if (!Array.isArray(jcal)) return [];
  const components: unknown[] = typeof jcal[0] === 'string' ? [jcal] : jcal;
  return components.filter(Array.isArray).map((component) => new ICAL.Component(component))
    .filter((component) => component.name === 'vcalendar');
}

/** The METHOD of the part (RFC 5546 §1.4); an unknown one counts as none. */
function methodOf(calendars: readonly ICAL.Component[]): CalendarMethod | undefined | { reason: string } {
  const methods = new Set(calendars.flatMap((calendar) => calendar.getAllProperties('method'))
    .map((property) => String(firstValue(property) ?? '').trim().toUpperCase()));
  if (methods.size > 1) return { reason: 'its calendars name different METHODs' };
  const [method] = methods;
  return method !== undefined && METHODS.has(method) ? (method as CalendarMethod) : undefined;
}
