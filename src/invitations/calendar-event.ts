import type ICAL from 'ical.js';
import type { CalendarEvent, CalendarPerson } from '../core/invitation.ts';
import {
  MAX_ATTENDEES, MAX_DESCRIPTION_CHARS, MAX_LOCATION_CHARS, MAX_SUMMARY_CHARS, MAX_UID_CHARS,
} from './calendar-limits.ts';
import { calendarPerson } from './calendar-person.ts';
import type { ZoneLookup } from './calendar-zones.ts';
import { eventTiming, instantOf } from './event-timing.ts';
import { firstValue } from './ical-values.ts';

// One VEVENT, as ical.js read it, as the core sees it (src/core/invitation.ts).

/** The event, or why it cannot be read (then the whole part is refused: a half-read invitation
 *  could hide the cancellation or the time change it carries). */
export function calendarEvent(vevent: ICAL.Component, zones: ZoneLookup): CalendarEvent | { reason: string } {
  const uid = textOf(vevent, 'uid', MAX_UID_CHARS);
  const summary = textOf(vevent, 'summary', MAX_SUMMARY_CHARS);
  const label = summary === '' ? `an event${uid === '' ? '' : ` (UID ${uid.slice(0, 60)})`}` : `the event "${summary.slice(0, 60)}"`;
  if (uid === '') return { reason: `${label} has no UID` };
  const timing = eventTiming(vevent, zones);
  if ('reason' in timing) return { reason: `${label} ${timing.reason}` };
  const event: CalendarEvent = {
    uid,
    sequence: sequenceOf(vevent),
    timing,
    // A RECURRENCE-ID makes the VEVENT one changed instance of a repeating series.
    recurring: ['rrule', 'rdate', 'recurrence-id'].some((name) => vevent.hasProperty(name)),
    summary,
    description: textOf(vevent, 'description', MAX_DESCRIPTION_CHARS),
    location: textOf(vevent, 'location', MAX_LOCATION_CHARS),
    attendees: vevent.getAllProperties('attendee').slice(0, MAX_ATTENDEES).map(calendarPerson).filter(isPerson),
  };
  // DTSTAMP is UTC by definition (§3.8.7.2); a zoned one is read in its zone, a floating one dropped.
  const dtstamp = vevent.getFirstProperty('dtstamp');
  const stamp = dtstamp === null ? undefined : instantOf(dtstamp, zones);
  if (stamp !== undefined) event.dtstamp = stamp;
  const status = textOf(vevent, 'status', 40).toUpperCase();
  if (status) event.status = status;
  const organizerProperty = vevent.getFirstProperty('organizer');
  const organizer = organizerProperty === null ? undefined : calendarPerson(organizerProperty);
  if (organizer !== undefined) event.organizer = organizer;
  return event;
}

/** A TEXT value, unescaped by ical.js (§3.3.11), trimmed and cut. */
function textOf(vevent: ICAL.Component, name: string, maxChars: number): string {
  const property = vevent.getFirstProperty(name);
  const value = property === null ? undefined : firstValue(property);
  return typeof value === 'string' ? value.trim().slice(0, maxChars) : '';
}

function sequenceOf(vevent: ICAL.Component): number {
  const property = vevent.getFirstProperty('sequence');
  const value = property === null ? undefined : firstValue(property);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function isPerson(person: CalendarPerson | undefined): person is CalendarPerson {
  return person !== undefined;
}
