// Builders for discovery's input. The core never parses iCalendar, so its tests build its own
// types directly (parsing is tested on real .ics text where the invitations are read).
import type { CalendarMethod, CalendarPerson, EventTiming, Invitation } from '../../../src/core/invitation.ts';
import type { Address, Me } from '../../../src/core/types.ts';
import type { DiscoverySettings } from '../../../src/core/discovery/types.ts';

export const ZONE = 'America/New_York';
/** Works at example.com; also writes from a free-mail address. */
export const ME: Me = { name: 'Alex Doe', emails: ['alex@example.com', 'alex.doe@gmail.com'] };
export const SETTINGS: DiscoverySettings = { mode: 'auto', ignore: [], ignoreDomains: [], days: 90 };

export const JANE: CalendarPerson = { email: 'jane.smith@acme-corp.com', name: 'Jane Smith', cutype: 'INDIVIDUAL', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' };
export const BOB: CalendarPerson = { email: 'bob@acme-corp.com', name: 'Bob Lee', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' };
export const MYSELF: CalendarPerson = { email: 'alex@example.com', name: 'Alex Doe', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' };

export function person(email: string, extra: Partial<CalendarPerson> = {}): CalendarPerson {
  return { email, ...extra };
}

export interface InvitationSpec {
  uid?: string;
  sequence?: number;
  dtstamp?: string;
  method?: CalendarMethod | null;
  status?: string;
  recurring?: boolean;
  /** ISO start of a timed event. */
  start?: string;
  minutes?: number;
  timing?: EventTiming;
  summary?: string;
  description?: string;
  organizer?: CalendarPerson | null;
  attendees?: CalendarPerson[];
  /** The message. */
  id?: string;
  from?: Address | null;
  sender?: Address;
  date?: string;
  subject?: string;
  labels?: string[];
}

let counter = 0;

export function invitation(spec: InvitationSpec = {}): Invitation {
  counter += 1;
  const start = new Date(spec.start ?? '2026-11-18T10:00:00-05:00');
  const organizer = spec.organizer === null ? undefined : (spec.organizer ?? JANE);
  const from = spec.from === null ? undefined : (spec.from ?? (organizer ? { name: organizer.name, email: organizer.email } : undefined));
  const id = spec.id ?? `inv${counter}`;
  return {
    ...(spec.method === null ? {} : { method: spec.method ?? 'REQUEST' }),
    event: {
      uid: spec.uid ?? 'uid-1@acme-corp.com',
      sequence: spec.sequence ?? 0,
      ...(spec.dtstamp === undefined ? {} : { dtstamp: new Date(spec.dtstamp) }),
      timing: spec.timing ?? { kind: 'timed', start, end: new Date(start.getTime() + (spec.minutes ?? 60) * 60_000) },
      recurring: spec.recurring ?? false,
      ...(spec.status === undefined ? {} : { status: spec.status }),
      summary: spec.summary ?? 'Interview with Acme Corp: Backend Engineer',
      description: spec.description ?? '',
      location: '',
      ...(organizer ? { organizer } : {}),
      attendees: spec.attendees ?? [JANE, MYSELF],
    },
    message: {
      id,
      threadId: `t-${id}`,
      messageId: `<${id}@mail.test>`,
      subject: spec.subject ?? `Invitation: ${spec.summary ?? 'Interview with Acme Corp: Backend Engineer'}`,
      ...(from ? { from } : {}),
      ...(spec.sender ? { sender: spec.sender } : {}),
      to: [{ email: ME.emails[0]! }],
      cc: [],
      date: new Date(spec.date ?? '2026-11-10T09:00:00-05:00'),
      labels: spec.labels ?? ['INBOX'],
    },
  };
}
