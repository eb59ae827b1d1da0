import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../src/core/invitation.ts';
import { parseCalendarText, type CalendarParse } from '../../src/invitations/parse-calendar.ts';
import { calendar, CRLF, exchangeVtimezone, VTIMEZONE_NEW_YORK, ZONES } from './ics-builders.ts';

function events(parse: CalendarParse): CalendarEvent[] {
  if (!parse.ok) throw new Error(`refused: ${parse.reason}`);
  return parse.events;
}

function only(text: string): CalendarEvent {
  const [event, ...rest] = events(parseCalendarText(text));
  if (event === undefined || rest.length > 0) throw new Error('expected one event');
  return event;
}

function timing(event: CalendarEvent): string {
  const t = event.timing;
  return t.kind === 'timed' ? `${t.start.toISOString()} → ${t.end.toISOString()}` : t.kind;
}

function refusal(text: string): string {
  const parse = parseCalendarText(text);
  if (parse.ok) throw new Error('expected a refusal');
  return parse.reason;
}

const BERLIN = ZONES.find((zone) => zone.iana === 'Europe/Berlin')!;

describe('parseCalendarText: exact instants', () => {
  it('reads UTC times (Z)', () => {
    expect(timing(only(calendar([['DTSTART:20261118T150000Z', 'DTEND:20261118T160000Z']]))))
      .toBe('2026-11-18T15:00:00.000Z → 2026-11-18T16:00:00.000Z');
  });

  it('reads a TZID with its VTIMEZONE, and a TZID alone (IANA name)', () => {
    const lines = ['DTSTART;TZID=America/New_York:20261118T100000', 'DTEND;TZID=America/New_York:20261118T110000'];
    const expected = '2026-11-18T15:00:00.000Z → 2026-11-18T16:00:00.000Z';
    expect(timing(only(calendar([lines], { top: VTIMEZONE_NEW_YORK })))).toBe(expected);
    expect(timing(only(calendar([lines])))).toBe(expected);
  });

  it('reads Windows zone ids and Exchange\'s older display names through node-ical\'s CLDR mapping', () => {
    expect(timing(only(calendar([['DTSTART;TZID=Eastern Standard Time:20260710T093000', 'DTEND;TZID=Eastern Standard Time:20260710T103000']]))))
      .toBe('2026-07-10T13:30:00.000Z → 2026-07-10T14:30:00.000Z');
    expect(timing(only(calendar([['DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20261118T100000']]))))
      .toBe('2026-11-18T15:00:00.000Z → 2026-11-18T15:00:00.000Z');
    expect(timing(only(calendar([['DTSTART;TZID=W. Europe Standard Time:20260723T160000']]))))
      .toBe('2026-07-23T14:00:00.000Z → 2026-07-23T14:00:00.000Z');
  });

  it('reads Exchange\'s "Customized Time Zone" from its VTIMEZONE, in winter and in summer', () => {
    const top = exchangeVtimezone(BERLIN, 'Customized Time Zone');
    expect(timing(only(calendar([['DTSTART;TZID=Customized Time Zone:20261123T160000']], { top })))).toMatch(/^2026-11-23T15:00:00.000Z/);
    expect(timing(only(calendar([['DTSTART;TZID=Customized Time Zone:20260723T160000']], { top })))).toMatch(/^2026-07-23T14:00:00.000Z/);
  });

  it('reads a vendor TZID that names no zone from its VTIMEZONE (matched by the TZID as written)', () => {
    const top = exchangeVtimezone(BERLIN, '/mozilla.org/20050126_1/Europe/Berlin');
    const event = only(calendar([['DTSTART;TZID=/mozilla.org/20050126_1/Europe/Berlin:20260329T030000']], { top }));
    expect(timing(event)).toMatch(/^2026-03-29T01:00:00.000Z/);
  });

  it('refuses a zone it cannot place rather than guess the machine\'s', () => {
    expect(refusal(calendar([['DTSTART;TZID=Customized Time Zone:20261123T160000']])))
      .toContain('the time zone "Customized Time Zone", which is neither a known zone nor defined by a VTIMEZONE');
    expect(refusal(calendar([['DTSTART;TZID=Mars/Olympus_Mons:20261123T160000']]))).toContain('"Mars/Olympus_Mons"');
    expect(refusal(calendar([['DTSTART;TZID=Odd:20261123T160000']], {
      top: ['BEGIN:VTIMEZONE', 'TZID:Odd', 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0100',
        'RRULE:FREQ=MONTHLY;BYDAY=1SU', 'END:STANDARD', 'END:VTIMEZONE'],
    }))).toContain('has an RRULE we do not read');
  });

  it('tells all-day (VALUE=DATE, or a bare date) and floating times from the property as written', () => {
    expect(timing(only(calendar([['DTSTART;VALUE=DATE:20261125', 'DTEND;VALUE=DATE:20261126']])))).toBe('all-day');
    expect(timing(only(calendar([['DTSTART:20261125']])))).toBe('all-day');
    expect(timing(only(calendar([['DTSTART:20261130T150000', 'DTEND:20261130T153000']])))).toBe('floating');
    // node-ical would lend a floating time the calendar's VTIMEZONE; RFC 5545 §3.3.5 says it floats.
    expect(timing(only(calendar([['DTSTART:20261130T150000']], { top: VTIMEZONE_NEW_YORK })))).toBe('floating');
  });

  it('ends at DTEND, else after DURATION (days nominal, hours exact), else at DTSTART (RFC 5545 §3.6.1)', () => {
    const start = 'DTSTART;TZID=America/New_York:20261031T120000';
    expect(timing(only(calendar([[start, 'DURATION:PT45M']])))).toBe('2026-10-31T16:00:00.000Z → 2026-10-31T16:45:00.000Z');
    // Across the end of daylight time a day is 25 hours, 24 hours are not a day.
    expect(timing(only(calendar([[start, 'DURATION:P1D']])))).toBe('2026-10-31T16:00:00.000Z → 2026-11-01T17:00:00.000Z');
    expect(timing(only(calendar([[start, 'DURATION:PT24H']])))).toBe('2026-10-31T16:00:00.000Z → 2026-11-01T16:00:00.000Z');
    expect(timing(only(calendar([[start]])))).toBe('2026-10-31T16:00:00.000Z → 2026-10-31T16:00:00.000Z');
    expect(timing(only(calendar([[start, 'DTEND:20261031T130000']])))).toBe('2026-10-31T16:00:00.000Z → 2026-10-31T17:00:00.000Z');
  });

  it('reads a time a DST change repeats as its first occurrence, a skipped one with the offset before the gap', () => {
    expect(timing(only(calendar([['DTSTART;TZID=America/New_York:20261101T013000']])))).toMatch(/^2026-11-01T05:30:00.000Z/);
    expect(timing(only(calendar([['DTSTART;TZID=America/New_York:20260308T023000']])))).toMatch(/^2026-03-08T07:30:00.000Z/);
    const top = exchangeVtimezone(BERLIN, 'Customized Time Zone');
    expect(timing(only(calendar([['DTSTART;TZID=Customized Time Zone:20261025T023000']], { top })))).toMatch(/^2026-10-25T00:30:00.000Z/);
    expect(timing(only(calendar([['DTSTART;TZID=Customized Time Zone:20260329T023000']], { top })))).toMatch(/^2026-03-29T01:30:00.000Z/);
  });

  it('refuses an event with no DTSTART, a bad DTEND or one that ends before it starts', () => {
    expect(refusal(calendar([['SUMMARY:No time']]))).toBe('the event "No time" has no DTSTART');
    expect(refusal(calendar([['DTSTART:20261118T150000Z', 'DTEND;VALUE=DATE:20261119']]))).toContain('has a DTEND "20261119" that is no DATE-TIME');
    expect(refusal(calendar([['DTSTART:20261118T150000Z', 'DTEND:20261118T140000Z']]))).toContain('ends before it starts');
    expect(refusal(calendar([['DTSTART:20261118T150000Z', 'DURATION:-PT1H']]))).toContain('no positive duration');
    expect(refusal(calendar([['DTSTART:20261318T150000Z']]))).toContain('no DATE or DATE-TIME');
  });
});

describe('parseCalendarText: properties', () => {
  it('unescapes TEXT in one pass: \\n, \\\\, \\; and \\, (RFC 5545 §3.3.11)', () => {
    const event = only(calendar([['DTSTART:20261118T150000Z', 'SUMMARY:Path C:\\\\new\\; done\\, ok',
      'DESCRIPTION:Line one\\nLine two\\NLine three', 'LOCATION:"Room 1"']]));
    expect(event.summary).toBe('Path C:\\new; done, ok');
    expect(event.description).toBe('Line one\nLine two\nLine three');
    expect(event.location).toBe('"Room 1"');
  });

  it('reads ORGANIZER and ATTENDEE: mailto: stripped and lower-cased, quoted CN kept whole, keywords upper-cased', () => {
    const event = only(calendar([['DTSTART:20261118T150000Z',
      'ORGANIZER;CN="Doe; Alex":MAILTO:Alex.Doe@Example.COM',
      'ATTENDEE;CN=12345;CUTYPE=room;ROLE=opt-participant;PARTSTAT=accepted:mailto:room@acme-corp.com',
      'ATTENDEE;CN=No Address:urn:uuid:8f0e6c1a',
      'ATTENDEE:no-reply@zoom.us']]));
    expect(event.organizer).toEqual({ email: 'alex.doe@example.com', name: 'Doe; Alex' });
    expect(event.attendees).toEqual([
      { email: 'room@acme-corp.com', name: '12345', cutype: 'ROOM', role: 'OPT-PARTICIPANT', partstat: 'ACCEPTED' },
      { email: 'no-reply@zoom.us' },
    ]);
  });

  it('reads UID, SEQUENCE (0 when absent), DTSTAMP, STATUS and METHOD', () => {
    const parse = parseCalendarText(calendar([['DTSTART:20261118T150000Z', 'SEQUENCE:3', 'STATUS:cancelled'], ['DTSTART:20261118T150000Z']], { method: 'CANCEL' }));
    expect(parse).toMatchObject({ ok: true, method: 'CANCEL' });
    const [first, second] = events(parse);
    expect(first).toMatchObject({ uid: 'event-0@tests.example', sequence: 3, status: 'CANCELLED' });
    expect(first?.dtstamp?.toISOString()).toBe('2026-11-01T12:00:00.000Z');
    expect(second?.sequence).toBe(0);
    expect(second?.status).toBeUndefined();
    expect(parseCalendarText(calendar([['DTSTART:20261118T150000Z']], { method: '' }))).not.toHaveProperty('method');
    expect(parseCalendarText(calendar([['DTSTART:20261118T150000Z']], { method: 'X-PROPOSE' }))).not.toHaveProperty('method');
  });

  it('marks RRULE, RDATE and RECURRENCE-ID events recurring', () => {
    const start = 'DTSTART;TZID=America/New_York:20261130T093000';
    const parse = parseCalendarText(calendar([[start, 'RRULE:FREQ=WEEKLY;BYDAY=MO'], [start, 'RDATE:20261207T093000'],
      [start, 'RECURRENCE-ID;TZID=America/New_York:20261130T093000'], [start]]));
    expect(events(parse).map((event) => event.recurring)).toEqual([true, true, true, false]);
  });

  it('keeps one invitation per VEVENT, even two with the same UID', () => {
    const text = calendar([['DTSTART:20261118T150000Z']]).replace('END:VCALENDAR', ['BEGIN:VEVENT', 'UID:event-0@tests.example',
      'DTSTAMP:20261101T120000Z', 'DTSTART:20261119T150000Z', 'SEQUENCE:1', 'END:VEVENT', 'END:VCALENDAR'].join(CRLF));
    expect(events(parseCalendarText(text)).map(timing)).toEqual([
      '2026-11-18T15:00:00.000Z → 2026-11-18T15:00:00.000Z', '2026-11-19T15:00:00.000Z → 2026-11-19T15:00:00.000Z']);
  });

  it('unfolds lines (CRLF, LF, tab) and cuts a long description at 20,000 characters', () => {
    const folded = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:folded@tests.example', 'DTSTART;TZID=America/New_Y', ' ork:20261118T100000',
      'SUMMARY:Inter', '\tview', `DESCRIPTION:${'x'.repeat(30_000)}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\n');
    const event = only(folded);
    expect(timing(event)).toMatch(/^2026-11-18T15:00:00.000Z/);
    expect(event.summary).toBe('Interview');
    expect(event.description).toHaveLength(20_000);
  });
});

describe('parseCalendarText: untrusted input', () => {
  it('refuses a 5 MB calendar without parsing it', () => {
    const event = ['BEGIN:VEVENT', 'UID:big@tests.example', 'DTSTART:20261118T150000Z', `DESCRIPTION:${'x'.repeat(5_000_000)}`, 'END:VEVENT'];
    expect(refusal(['BEGIN:VCALENDAR', ...event, 'END:VCALENDAR'].join(CRLF))).toBe('it is larger than 1 MB');
    expect(refusal('é'.repeat(600_000))).toBe('it is larger than 1 MB');
  });

  it('refuses 10,000 events without parsing them, and 1,001 even when folding hides the count', () => {
    const tenThousand = `BEGIN:VCALENDAR${CRLF}${`BEGIN:VEVENT${CRLF}END:VEVENT${CRLF}`.repeat(10_000)}END:VCALENDAR${CRLF}`;
    expect(tenThousand.length).toBeLessThan(1_000_000);
    expect(refusal(tenThousand)).toBe('it has more than 1000 events');
    const hidden = calendar(Array.from({ length: 1_001 }, () => ['DTSTART:20261118T150000Z'])).replaceAll('BEGIN:VEVENT', `BEGIN:VEV${CRLF} ENT`);
    expect(refusal(hidden)).toBe('more than 1000 events');
    expect(events(parseCalendarText(calendar(Array.from({ length: 1_000 }, () => ['DTSTART:20261118T150000Z']))))).toHaveLength(1_000);
  });

  it('refuses a truncated or mis-nested calendar, and text that is no calendar', () => {
    const whole = calendar([['DTSTART:20261118T150000Z']]);
    expect(refusal(whole.slice(0, whole.indexOf('END:VEVENT')))).toBe('it ends inside VEVENT (cut off?)');
    expect(refusal(whole.replace('END:VEVENT', 'END:VTODO'))).toBe('END:VTODO on line 9 does not close BEGIN:VEVENT');
    expect(refusal('END:VCALENDAR')).toBe('END:VCALENDAR on line 1 closes nothing');
    expect(refusal('Hello, this is not a calendar.')).toBe('it has no VCALENDAR');
    expect(refusal(Buffer.from([0xff, 0xfe, 0x00, 0x42, 0x13]).toString('latin1'))).toBe('it has no VCALENDAR');
    expect(refusal(`${'BEGIN:X\r\n'.repeat(20)}`)).toBe('components nest deeper than 8');
  });

  it('refuses calendars that disagree on METHOD', () => {
    const two = calendar([['DTSTART:20261118T150000Z']]) + calendar([['DTSTART:20261118T150000Z']], { method: 'CANCEL' });
    expect(refusal(two)).toBe('its calendars name different METHODs');
  });
});
