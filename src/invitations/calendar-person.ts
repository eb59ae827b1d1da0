import type { CalendarPerson } from '../core/invitation.ts';
import { MAX_NAME_CHARS } from './calendar-limits.ts';
import type { ContentLine } from './ics-lines.ts';

// ORGANIZER and ATTENDEE (RFC 5545 §3.8.4.1, §3.8.4.3): a CAL-ADDRESS, normally mailto:, with CN,
// CUTYPE, ROLE and PARTSTAT parameters. Zoom writes the bare address without mailto:, which is
// accepted too; a value that is no e-mail address (an X.500 DN, a urn:) names nobody we can use.

const EMAIL_SHAPE = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,255}$/;

export function calendarPerson(line: ContentLine): CalendarPerson | undefined {
  const email = line.value.trim().replace(/^mailto:/i, '').trim().toLowerCase();
  if (!EMAIL_SHAPE.test(email)) return undefined;
  const person: CalendarPerson = { email };
  const name = line.params.get('CN')?.trim().slice(0, MAX_NAME_CHARS);
  if (name) person.name = name;
  const cutype = keyword(line, 'CUTYPE');
  if (cutype !== undefined) person.cutype = cutype;
  const role = keyword(line, 'ROLE');
  if (role !== undefined) person.role = role;
  const partstat = keyword(line, 'PARTSTAT');
  if (partstat !== undefined) person.partstat = partstat;
  return person;
}

function keyword(line: ContentLine, param: string): string | undefined {
  const value = line.params.get(param)?.trim().toUpperCase().slice(0, 40);
  return value ? value : undefined;
}
