// Everything the parser reads from the fixtures and from calendars written in each test zone, as
// JSON: run in processes with different TZ, it must come out byte for byte the same.
import { readdirSync } from 'node:fs';
import { parseCalendarText } from '../../src/invitations/parse-calendar.ts';
import { calendarTextsViaMailparser, fixture, INVITATION_FIXTURES } from './both-adapters.ts';
import { calendar, exchangeVtimezone, ZONES } from './ics-builders.ts';

/** Local times around 2026's DST changes, a floating and an all-day one, in every zone and form. */
function generatedCalendars(): string[] {
  const locals = ['20260308T023000', '20260329T023000', '20261025T023000', '20261101T013000', '20260405T023000',
    '20261004T021500', '20261118T100000', '20260710T093000'];
  return ZONES.flatMap((zone) => locals.flatMap((local) => [
    calendar([[`DTSTART;TZID=${zone.iana}:${local}`, 'DURATION:P1DT1H']], { top: exchangeVtimezone(zone, zone.iana) }),
    calendar([[`DTSTART;TZID=${zone.windows}:${local}`, `DTEND;TZID=${zone.windows}:${local.slice(0, 9)}235900`]]),
    calendar([[`DTSTART;TZID=Customized Time Zone:${local}`]], { top: exchangeVtimezone(zone, 'Customized Time Zone') }),
    calendar([[`DTSTART:${local}`], [`DTSTART;VALUE=DATE:${local.slice(0, 8)}`]], { top: exchangeVtimezone(zone, zone.iana) }),
  ]));
}

export async function zoneReport(): Promise<string> {
  const texts: string[] = [];
  for (const name of readdirSync(INVITATION_FIXTURES).filter((file) => file.endsWith('.eml')).sort()) {
    texts.push(...await calendarTextsViaMailparser(fixture(name)));
  }
  texts.push(...generatedCalendars());
  return JSON.stringify(texts.map(parseCalendarText));
}
