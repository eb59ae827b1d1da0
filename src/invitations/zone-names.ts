import ical from 'node-ical';

// The tz-database zone a TZID names. Google, Zoom and Apple write IANA names. Outlook and Exchange
// write Windows zone ids ("Eastern Standard Time") or older display names ("(UTC-05:00) Eastern
// Time (US & Canada)"): node-ical maps those through CLDR's windowsZones table, which it keeps up to
// date, so we ask it. It does not expose the table, only the zone it attaches (as `tz`) to a
// DTSTART it has parsed, so we hand it a one-line probe calendar.
//
// This is all node-ical is used for: ical.js parses the calendar, and has no such table. node-ical's
// own DTSTART instants are not used: a floating time, an all-day date and a TZID it cannot resolve
// come back in this machine's time zone, "Customized Time Zone" is guessed as the first zone whose
// January and July offsets match, and a time a DST change repeats is read as its second occurrence
// (RFC 5545 §3.3.5 says the first).

/** Exchange's ids for a zone defined only by the VTIMEZONE that comes with it. */
const DEFINED_BY_VTIMEZONE = /^(?:Customized Time Zone|tzone:\/\/Microsoft\/|\(no TZ description\))/i;

const cache = new Map<string, string | undefined>();
const validZones = new Map<string, boolean>();

/** The IANA zone a TZID without a VTIMEZONE names, or undefined when it names none. */
export function ianaZoneOf(tzid: string): string | undefined {
  if (isKnownZone(tzid)) return tzid;
  if (DEFINED_BY_VTIMEZONE.test(tzid) || /["\r\n]/.test(tzid) || tzid.length > 200) return undefined;
  if (cache.has(tzid)) return cache.get(tzid);
  const zone = mappedByNodeIcal(tzid);
  if (cache.size < 500) cache.set(tzid, zone);
  return zone;
}

function mappedByNodeIcal(tzid: string): string | undefined {
  const probe = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:probe', `DTSTART;TZID="${tzid}":20260101T120000`,
    'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  try {
    const event = ical.sync.parseICS(probe)['probe'];
    const zone = event?.type === 'VEVENT' ? event.start?.tz : undefined;
    // node-ical turns a label it cannot map, "(UTC+03:00) Somewhere", into a fixed "+03:00": that
    // ignores daylight time, so only a named zone counts.
    return typeof zone === 'string' && /^[A-Za-z]/.test(zone) && isKnownZone(zone) ? zone : undefined;
  } catch {
    return undefined;
  }
}

/** True for a time zone name the runtime's tz database knows (IANA names and their aliases). */
function isKnownZone(name: string): boolean {
  let known = validZones.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    if (validZones.size < 1_000) validZones.set(name, known);
  }
  return known;
}
