// How much of an untrusted calendar part we are willing to read. No module here imports a parser,
// so the adapters can use these without loading node-ical.

/** A text/calendar part larger than this is refused before it is parsed (an invitation is a few KB). */
export const MAX_CALENDAR_BYTES = 1_000_000;
/** A part with more VEVENTs than this is refused (an invitation has one; a calendar export, thousands). */
export const MAX_CALENDAR_EVENTS = 1_000;
/** BEGIN:… nesting deeper than this is refused (VCALENDAR › VEVENT › VALARM is 3). */
export const MAX_COMPONENT_DEPTH = 8;

// The longest string kept of each field; longer values are cut.
export const MAX_SUMMARY_CHARS = 1_000;
export const MAX_DESCRIPTION_CHARS = 20_000;
export const MAX_LOCATION_CHARS = 2_000;
export const MAX_UID_CHARS = 1_000;
export const MAX_NAME_CHARS = 200;
export const MAX_ATTENDEES = 1_000;
