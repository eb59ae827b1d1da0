import ICAL from 'ical.js';

// Reading the values of ical.js properties without letting a malformed one throw, and the two places
// where ical.js is more lenient or stricter than the invitations we read.

/** The property's first value as ical.js reads it, or undefined when ical.js cannot read it. */
export function firstValue(property: ICAL.Property): unknown {
  try {
    return property.getFirstValue() ?? undefined;
  } catch {
    return undefined;
  }
}

/** The value as written in the iCalendar text (for messages, and to see a trailing Z). */
export function valueText(property: ICAL.Property): string {
  const value: unknown = property.jCal[3];
  const text = typeof value === 'string' ? ICAL.stringify.value(value, property.type, ICAL.design.icalendar, false) : String(value);
  return String(text).slice(0, 40);
}

/** A DATE or DATE-TIME value, or undefined when it is none. */
export function calendarTime(property: ICAL.Property): ICAL.Time | undefined {
  const written: unknown = property.jCal[3];
  // A bare YYYYMMDD without VALUE=DATE (RFC 5545 §3.8.2.4 asks for the parameter; some careers
  // portals omit it) is the DATE it plainly is; ical.js takes it for a DATE-TIME without a time.
  if (property.type === 'date-time' && typeof written === 'string' && /^\d{4}-\d{2}-\d{2}T::$/.test(written)) {
    return ICAL.Time.fromDateString(written.slice(0, 10));
  }
  const time = firstValue(property);
  if (!(time instanceof ICAL.Time) || typeof written !== 'string') return undefined;
  // ical.js rolls an impossible date over (month 13 becomes next January); such a value is refused.
  const unzoned = (text: string): string => text.replace(/Z$/, '');
  return unzoned(time.toString()) === unzoned(written) ? time : undefined;
}
