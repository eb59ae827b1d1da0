import type { CalendarEvent, CalendarPerson } from '../core/invitation.ts';
import {
  MAX_ATTENDEES, MAX_DESCRIPTION_CHARS, MAX_LOCATION_CHARS, MAX_SUMMARY_CHARS, MAX_UID_CHARS,
} from './calendar-limits.ts';
import { calendarPerson } from './calendar-person.ts';
import { eventTiming } from './event-timing.ts';
import { propertiesOf, propertyOf, type IcsComponent } from './ics-components.ts';
import { dateValueOf } from './ics-dates.ts';
import { unescapeText } from './ics-lines.ts';
import { wallToEpoch } from './wall-time.ts';
import type { ZoneLookup } from './zone-book.ts';

// One VEVENT as the core sees it (src/core/invitation.ts).

/** The event, or why it cannot be read (then the whole part is refused: a half-read invitation
 *  could hide the cancellation or the time change it carries). */
export function calendarEvent(vevent: IcsComponent, zones: ZoneLookup): CalendarEvent | { reason: string } {
  const uid = textOf(vevent, 'UID', MAX_UID_CHARS);
  const summary = textOf(vevent, 'SUMMARY', MAX_SUMMARY_CHARS);
  const label = summary === '' ? `an event${uid === '' ? '' : ` (UID ${uid.slice(0, 60)})`}` : `the event "${summary.slice(0, 60)}"`;
  if (uid === '') return { reason: `${label} has no UID` };
  const timing = eventTiming(vevent, zones);
  if ('reason' in timing) return { reason: `${label} ${timing.reason}` };
  const event: CalendarEvent = {
    uid,
    sequence: sequenceOf(vevent),
    timing,
    // A RECURRENCE-ID makes the VEVENT one changed instance of a repeating series.
    recurring: ['RRULE', 'RDATE', 'RECURRENCE-ID'].some((name) => propertyOf(vevent, name) !== undefined),
    summary,
    description: textOf(vevent, 'DESCRIPTION', MAX_DESCRIPTION_CHARS),
    location: textOf(vevent, 'LOCATION', MAX_LOCATION_CHARS),
    attendees: propertiesOf(vevent, 'ATTENDEE').slice(0, MAX_ATTENDEES).map(calendarPerson).filter(isPerson),
  };
  const dtstamp = stampOf(vevent, zones);
  if (dtstamp !== undefined) event.dtstamp = dtstamp;
  const status = propertyOf(vevent, 'STATUS')?.value.trim().toUpperCase().slice(0, 40);
  if (status) event.status = status;
  const organizerLine = propertyOf(vevent, 'ORGANIZER');
  const organizer = organizerLine === undefined ? undefined : calendarPerson(organizerLine);
  if (organizer !== undefined) event.organizer = organizer;
  return event;
}

function textOf(vevent: IcsComponent, name: string, maxChars: number): string {
  const line = propertyOf(vevent, name);
  return line === undefined ? '' : unescapeText(line.value).trim().slice(0, maxChars);
}

function sequenceOf(vevent: IcsComponent): number {
  const value = propertyOf(vevent, 'SEQUENCE')?.value.trim() ?? '';
  return /^\d{1,15}$/.test(value) ? Number(value) : 0;
}

/** DTSTAMP is UTC by definition (§3.8.7.2); a zoned one is read in its zone, a floating one dropped. */
function stampOf(vevent: IcsComponent, zones: ZoneLookup): Date | undefined {
  const line = propertyOf(vevent, 'DTSTAMP');
  const value = line === undefined ? undefined : dateValueOf(line);
  if (value?.kind !== 'date-time') return undefined;
  if (value.utc) return new Date(wallToEpoch(value.wall, () => 0));
  const offsets = value.tzid === undefined ? undefined : zones(value.tzid);
  return typeof offsets === 'function' ? new Date(wallToEpoch(value.wall, offsets)) : undefined;
}

function isPerson(person: CalendarPerson | undefined): person is CalendarPerson {
  return person !== undefined;
}
