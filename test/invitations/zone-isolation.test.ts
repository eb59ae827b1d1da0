import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarParse } from '../../src/invitations/parse-calendar.ts';
import { parseCalendarText } from '../../src/invitations/parse-calendar.ts';
import { calendar, exchangeVtimezone, ZONES, type ZoneRules } from './ics-builders.ts';

// Mail is untrusted: a VTIMEZONE one message carries defines its TZID for that calendar only. It
// must never change how another message (or another VCALENDAR of the same part) reads the same TZID.

const BERLIN = ZONES.find((zone) => zone.iana === 'Europe/Berlin') as ZoneRules;
const NEW_YORK_TEN_AM = 'DTSTART;TZID=America/New_York:20261118T100000';

/** A VTIMEZONE that claims America/New_York is a fixed offset. */
function lyingNewYork(offset: string): string[] {
  return ['BEGIN:VTIMEZONE', 'TZID:America/New_York', 'BEGIN:STANDARD', 'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD', 'END:VTIMEZONE'];
}

function startOf(parse: CalendarParse): string {
  if (!parse.ok) return `refused: ${parse.reason}`;
  const timing = parse.events[0]?.timing;
  return timing?.kind === 'timed' ? timing.start.toISOString() : `not timed: ${timing?.kind}`;
}

describe('a VTIMEZONE is read for its own calendar only', () => {
  it('one message\'s "America/New_York" VTIMEZONE changes neither a later nor an earlier message\'s New York', () => {
    const plain = calendar([[NEW_YORK_TEN_AM]]);
    const before = startOf(parseCalendarText(plain));
    // RFC 5545 §3.2.19: a TZID names the calendar's own VTIMEZONE, however it is called.
    expect(startOf(parseCalendarText(calendar([[NEW_YORK_TEN_AM]], { top: lyingNewYork('+0300') })))).toBe('2026-11-18T07:00:00.000Z');
    expect(startOf(parseCalendarText(calendar([[NEW_YORK_TEN_AM]], { top: lyingNewYork('+0100') })))).toBe('2026-11-18T09:00:00.000Z');
    expect(startOf(parseCalendarText(plain))).toBe('2026-11-18T15:00:00.000Z');
    expect(before).toBe('2026-11-18T15:00:00.000Z');
  });

  it('a "Customized Time Zone" defined by one message is unknown to the next', () => {
    const defined = calendar([['DTSTART;TZID=Customized Time Zone:20261123T160000']], { top: exchangeVtimezone(BERLIN, 'Customized Time Zone') });
    expect(startOf(parseCalendarText(defined))).toBe('2026-11-23T15:00:00.000Z');
    expect(startOf(parseCalendarText(calendar([['DTSTART;TZID=Customized Time Zone:20261123T160000']]))))
      .toBe('refused: an event (UID event-0@tests.example) is in the time zone "Customized Time Zone", which is neither a known zone nor defined by a VTIMEZONE');
  });

  it('registers nothing with ical.js\'s global TimezoneService', () => {
    parseCalendarText(calendar([[NEW_YORK_TEN_AM]], { top: lyingNewYork('+0300') }));
    parseCalendarText(calendar([['DTSTART;TZID=Customized Time Zone:20261123T160000']], { top: exchangeVtimezone(BERLIN, 'Customized Time Zone') }));
    expect(ICAL.TimezoneService.has('America/New_York')).toBe(false);
    expect(ICAL.TimezoneService.has('Customized Time Zone')).toBe(false);
  });

  it('two VCALENDARs in one part do not lend each other their VTIMEZONEs', () => {
    const first = calendar([[NEW_YORK_TEN_AM]], { top: lyingNewYork('+0300') });
    const second = calendar([[NEW_YORK_TEN_AM]]).replace('event-0@', 'second-0@');
    const parse = parseCalendarText(first + second);
    if (!parse.ok) throw new Error(parse.reason);
    expect(parse.events.map((event) => (event.timing.kind === 'timed' ? event.timing.start.toISOString() : event.timing.kind)))
      .toEqual(['2026-11-18T07:00:00.000Z', '2026-11-18T15:00:00.000Z']);
  });
});
