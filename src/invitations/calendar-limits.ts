// How much of an untrusted calendar part we are willing to read. No module here imports a parser,
// so the adapters can use these without loading ical.js or node-ical.

/** A text/calendar part larger than this is refused before it is parsed (an invitation is a few KB). */
export const MAX_CALENDAR_BYTES = 1_000_000;
/** A part with more VEVENTs than this is refused (an invitation has one; a calendar export, thousands). */
export const MAX_CALENDAR_EVENTS = 1_000;
/** BEGIN:… nesting deeper than this is refused (VCALENDAR › VEVENT › VALARM is 3). */
export const MAX_COMPONENT_DEPTH = 8;
/** A content line with more parameters is refused (an ATTENDEE has about six). */
export const MAX_LINE_PARAMETERS = 100;
/** A part with more VTIMEZONEs is refused (an invitation has one or two). */
export const MAX_TIMEZONES = 20;
/** A part whose VTIMEZONE RRULEs ical.js would iterate for more years in all is refused. ical.js
 *  iterates each from its observance's DTSTART (1601 for Exchange) at ~12 µs a year: Exchange's two
 *  rules are ~1,000 rule-years (~12 ms), this bound ~120 ms. */
export const MAX_TIMEZONE_RULE_YEARS = 10_000;
/** A VTIMEZONE with more STANDARD/DAYLIGHT observances, or more RDATEs in all, is refused (a zone's
 *  whole history since 1850 is a few dozen observances and a few hundred RDATEs). */
export const MAX_TIMEZONE_OBSERVANCES = 200;
export const MAX_TIMEZONE_RDATES = 1_000;
/** A VTIMEZONE's rules are evaluated through this year; a time after it in such a zone is refused. */
export const LAST_ZONE_YEAR = 2100;

// The longest string kept of each field; longer values are cut.
export const MAX_SUMMARY_CHARS = 1_000;
export const MAX_DESCRIPTION_CHARS = 20_000;
export const MAX_LOCATION_CHARS = 2_000;
export const MAX_UID_CHARS = 1_000;
export const MAX_NAME_CHARS = 200;
export const MAX_ATTENDEES = 1_000;
