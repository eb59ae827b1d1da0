import type ICAL from 'ical.js';
import type { CalendarPerson } from '../core/invitation.ts';
import { MAX_NAME_CHARS } from './calendar-limits.ts';
import { firstValue } from './ical-values.ts';

// ORGANIZER and ATTENDEE (RFC 5545 §3.8.4.1, §3.8.4.3): a CAL-ADDRESS, normally mailto:, with CN,
// CUTYPE, ROLE and PARTSTAT parameters (ical.js has already removed quotes and RFC 6868 escapes).
// Zoom writes the bare address without mailto:, which is accepted too; a value that is no e-mail
// address (an X.500 DN, a urn:) names nobody we can use.

const EMAIL_SHAPE = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,255}$/;

export function calendarPerson(property: ICAL.Property): CalendarPerson | undefined {
  const value = firstValue(property);
  const email = (typeof value === 'string' ? value : '').trim().replace(/^mailto:/i, '').trim().toLowerCase();
  if (!EMAIL_SHAPE.test(email)) return undefined;
  const person: CalendarPerson = { email };
  const name = parameter(property, 'cn')?.slice(0, MAX_NAME_CHARS);
  if (name) person.name = name;
  const cutype = keyword(property, 'cutype');
  if (cutype !== undefined) person.cutype = cutype;
  const role = keyword(property, 'role');
  if (role !== undefined) person.role = role;
  const partstat = keyword(property, 'partstat');
  if (partstat !== undefined) person.partstat = partstat;
  return person;
}

function parameter(property: ICAL.Property, name: string): string | undefined {
  const value: unknown = property.getFirstParameter(name);
  return typeof value === 'string' ? value.trim() : undefined;
}

function keyword(property: ICAL.Property, name: string): string | undefined {
  const value = parameter(property, name)?.toUpperCase().slice(0, 40);
  return value ? value : undefined;
}
