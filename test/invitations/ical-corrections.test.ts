import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarParse } from '../../src/invitations/parse-calendar.ts';
import { parseCalendarText } from '../../src/invitations/parse-calendar.ts';
import { calendar, VTIMEZONE_NEW_YORK } from './ics-builders.ts';

// Where src/invitations does not take ical.js's answer, each case beside what ical.js alone says, so
// that a test fails (and the correction can go) the day ical.js changes.

/** DTSTART's instant as ical.js alone computes it. */
function icalJsStart(text: string): string {
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
  const start = vevent?.getFirstPropertyValue('dtstart');
  if (!(start instanceof ICAL.Time)) throw new Error('no DTSTART');
  return new Date(start.toUnixTime() * 1000).toISOString();
}

function ours(parse: CalendarParse): string {
  if (!parse.ok) return `refused: ${parse.reason}`;
  const timing = parse.events[0]?.timing;
  return timing?.kind === 'timed' ? timing.start.toISOString() : timing?.kind ?? 'no event';
}

function zone(observance: string[]): string[] {
  return ['BEGIN:VTIMEZONE', 'TZID:Odd', 'BEGIN:STANDARD', ...observance, 'END:STANDARD', 'END:VTIMEZONE'];
}

describe('RFC 5545 §3.3.5 in a VTIMEZONE, where ical.js follows libical instead', () => {
  it('a time the end of daylight time repeats is its first occurrence (ical.js: the second)', () => {
    const text = calendar([['DTSTART;TZID=America/New_York:20261101T013000']], { top: VTIMEZONE_NEW_YORK });
    expect(icalJsStart(text)).toBe('2026-11-01T06:30:00.000Z');
    expect(ours(parseCalendarText(text))).toBe('2026-11-01T05:30:00.000Z');
  });

  it('a time the start of daylight time skips is read with the offset before the gap (ical.js: after it)', () => {
    const text = calendar([['DTSTART;TZID=America/New_York:20260308T023000']], { top: VTIMEZONE_NEW_YORK });
    expect(icalJsStart(text)).toBe('2026-03-08T06:30:00.000Z');
    expect(ours(parseCalendarText(text))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('before the first onset of a VTIMEZONE the first TZOFFSETFROM holds (ical.js: UTC)', () => {
    const text = calendar([['DTSTART;TZID=America/New_York:19650601T100000']], { top: VTIMEZONE_NEW_YORK });
    expect(icalJsStart(text)).toBe('1965-06-01T10:00:00.000Z');
    expect(ours(parseCalendarText(text))).toBe('1965-06-01T15:00:00.000Z');
  });
});

describe('values ical.js reads otherwise', () => {
  it('END must close its own BEGIN (ical.js closes whatever is open)', () => {
    const text = calendar([['DTSTART:20261118T150000Z']]).replace('END:VEVENT', 'END:VTODO');
    expect(() => ICAL.parse(text)).not.toThrow();
    expect(ours(parseCalendarText(text))).toBe('refused: END:VTODO on line 9 does not close BEGIN:VEVENT');
  });

  it('a line with thousands of parameters is refused before ical.js reads them (in quadratic time)', () => {
    const text = calendar([['DTSTART:20261118T150000Z', `X-PADDING${';A=1'.repeat(200_000)}:v`]]);
    expect(text.length).toBeLessThan(1_000_000);
    expect(ours(parseCalendarText(text))).toBe('refused: line 9 has more than 100 parameters');
    expect(ours(parseCalendarText(calendar([['DTSTART:20261118T150000Z', `X-PADDING${';A=1'.repeat(100)}:v`]])))).toBe('2026-11-18T15:00:00.000Z');
  });

  it('a bare YYYYMMDD DTSTART is a date (ical.js throws on it)', () => {
    const text = calendar([['DTSTART:20261125']]);
    expect(() => icalJsStart(text)).toThrow(/invalid date-time/);
    expect(ours(parseCalendarText(text))).toBe('all-day');
  });

  it('an impossible date is refused (ical.js rolls month 13 over into January)', () => {
    const text = calendar([['DTSTART:20261318T150000Z']]);
    expect(icalJsStart(text)).toBe('2027-01-18T15:00:00.000Z');
    expect(ours(parseCalendarText(text))).toBe('refused: an event (UID event-0@tests.example) has a DTSTART "20261318T150000Z" that is no DATE or DATE-TIME');
  });
});

describe('VTIMEZONEs ical.js would evaluate without bound, or wrongly in silence', () => {
  const at = (top: string[]): string => ours(parseCalendarText(calendar([['DTSTART;TZID=Odd:20261123T160000']], { top })));

  it('refuses an observance RRULE that is not yearly on a month, weekday or day (FREQ=SECONDLY from 1601)', () => {
    expect(at(zone(['DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100', 'RRULE:FREQ=SECONDLY'])))
      .toContain('VTIMEZONE STANDARD has an RRULE we do not read (FREQ=SECONDLY)');
    expect(at(zone(['DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYHOUR=1,2,3'])))
      .toContain('has an RRULE we do not read');
  });

  it('refuses an observance without TZOFFSETTO (ical.js skips it and reads the time as UTC)', () => {
    const top = zone(['DTSTART:16010101T000000', 'TZOFFSETFROM:+0100']);
    expect(icalJsStart(calendar([['DTSTART;TZID=Odd:20261123T160000']], { top }))).toBe('2026-11-23T16:00:00.000Z');
    expect(at(top)).toContain('VTIMEZONE STANDARD has no DTSTART, TZOFFSETFROM or TZOFFSETTO');
  });

  it('refuses a rule that can miss years (ical.js searches on for a date it cannot have)', () => {
    expect(at(zone(['DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=SU'])))
      .toContain('has an RRULE we do not read');
    expect(at(zone(['DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=23,24,25,26,27,28,29;BYDAY=SU'])))
      .toContain('has an RRULE we do not read');
    // The same rule on seven days every March has: the last Sunday, as tzdata-style zones write it.
    expect(at(zone(['DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=25,26,27,28,29,30,31;BYDAY=SU'])))
      .toBe('2026-11-23T14:00:00.000Z');
  });

  it('bounds the years of rules ical.js iterates, over all the VTIMEZONEs of a part', () => {
    const exchange = (tzid: string): string[] => zone(['DTSTART:00010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'])
      .map((line) => (line === 'TZID:Odd' ? `TZID:${tzid}` : line));
    expect(at([...exchange('Odd'), ...exchange('Odd2'), ...exchange('Odd3'), ...exchange('Odd4')])).toBe('2026-11-23T14:00:00.000Z');
    expect(at(['Odd', 'Odd2', 'Odd3', 'Odd4', 'Odd5'].flatMap(exchange))).toBe('refused: its VTIMEZONEs have rules for more than 10000 years in all');
  });

  it('refuses a VTIMEZONE ical.js cannot read, and one without a TZID, instead of throwing', () => {
    expect(at(zone(['DTSTART:2026', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'])))
      .toMatch(/^refused: it could not be read \(invalid date-time value/);
    const unnamed = zone(['DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100']).filter((line) => line !== 'TZID:Odd');
    expect(at(unnamed)).toBe('refused: it has a VTIMEZONE without a TZID');
  });

  it('evaluates a VTIMEZONE through 2100 only', () => {
    const top = zone(['DTSTART:16010101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100']);
    expect(ours(parseCalendarText(calendar([['DTSTART;TZID=Odd:21001231T120000']], { top })))).toBe('2100-12-31T11:00:00.000Z');
    expect(ours(parseCalendarText(calendar([['DTSTART;TZID=Odd:21010601T120000']], { top })))).toContain('gives no UTC offset');
  });
});
