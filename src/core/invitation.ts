import type { Address } from './types.ts';

// Calendar invitations as the adapters hand them to the core: one per VEVENT of a text/calendar
// part (inline or an .ics attachment), already parsed (src/invitations) into exact instants.

/** The iCalendar METHOD of the part (RFC 5546 §1.4); absent when the part names none. */
export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH' | 'REPLY' | 'ADD' | 'REFRESH' | 'COUNTER' | 'DECLINECOUNTER';

/** An ORGANIZER or ATTENDEE (RFC 5545 §3.8.4.1, §3.8.4.3). */
export interface CalendarPerson {
  /** Lower-cased address from the mailto: value. */
  email: string;
  /** CN, when given. */
  name?: string;
  /** CUTYPE upper-cased: INDIVIDUAL (the default), GROUP, RESOURCE, ROOM, UNKNOWN. */
  cutype?: string;
  /** ROLE upper-cased: CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT. */
  role?: string;
  /** PARTSTAT upper-cased: NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE, DELEGATED. */
  partstat?: string;
}

/** When the event happens. Only a timed event with an exact instant can be an interview: an
 *  all-day event (VALUE=DATE) or a floating one (local time, no zone) is kept only to say why not. */
export type EventTiming =
  | { kind: 'timed'; start: Date; end: Date }
  | { kind: 'all-day' }
  | { kind: 'floating' };

export interface CalendarEvent {
  uid: string;
  /** SEQUENCE, 0 when absent. */
  sequence: number;
  dtstamp?: Date;
  timing: EventTiming;
  /** True when the event repeats (RRULE or RDATE): a team meeting, not an interview. */
  recurring: boolean;
  /** STATUS upper-cased (TENTATIVE, CONFIRMED, CANCELLED), when given. */
  status?: string;
  summary: string;
  description: string;
  location: string;
  organizer?: CalendarPerson;
  attendees: CalendarPerson[];
}

/** The message an invitation came in: enough to show it as evidence and to thread a reply. */
export interface InvitationMessage {
  id: string;
  threadId: string;
  messageId?: string;
  subject: string;
  from?: Address;
  /** The Sender header (Google Calendar: calendar-notification@google.com). */
  sender?: Address;
  to: Address[];
  cc: Address[];
  /** When it was received (Gmail internalDate, else the Date header). */
  date: Date;
  labels: string[];
}

/** One event of one calendar part of one message. */
export interface Invitation {
  method?: CalendarMethod;
  event: CalendarEvent;
  message: InvitationMessage;
}
