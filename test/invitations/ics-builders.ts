// iCalendar text for the tests: VTIMEZONE blocks with each zone's current rules, as Google and
// Exchange write them, and a calendar around VEVENT lines.

export const CRLF = '\r\n';

export const VTIMEZONE_NEW_YORK = [
  'BEGIN:VTIMEZONE', 'TZID:America/New_York', 'X-LIC-LOCATION:America/New_York',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:-0500', 'TZOFFSETTO:-0400', 'TZNAME:EDT', 'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:-0400', 'TZOFFSETTO:-0500', 'TZNAME:EST', 'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', 'END:STANDARD', 'END:VTIMEZONE',
];

/** A zone's rules the way Exchange writes them (observances from 1601, a yearly RRULE each). */
export interface ZoneRules {
  iana: string;
  windows: string;
  standard: { offset: string; at?: string; month?: number; byday?: string };
  daylight?: { offset: string; at: string; month: number; byday: string };
}

export const ZONES: readonly ZoneRules[] = [
  { iana: 'America/New_York', windows: 'Eastern Standard Time',
    standard: { offset: '-0500', at: '020000', month: 11, byday: '1SU' }, daylight: { offset: '-0400', at: '020000', month: 3, byday: '2SU' } },
  { iana: 'America/Los_Angeles', windows: 'Pacific Standard Time',
    standard: { offset: '-0800', at: '020000', month: 11, byday: '1SU' }, daylight: { offset: '-0700', at: '020000', month: 3, byday: '2SU' } },
  { iana: 'Europe/Berlin', windows: 'W. Europe Standard Time',
    standard: { offset: '+0100', at: '030000', month: 10, byday: '-1SU' }, daylight: { offset: '+0200', at: '020000', month: 3, byday: '-1SU' } },
  { iana: 'Europe/London', windows: 'GMT Standard Time',
    standard: { offset: '+0000', at: '020000', month: 10, byday: '-1SU' }, daylight: { offset: '+0100', at: '010000', month: 3, byday: '-1SU' } },
  { iana: 'Australia/Sydney', windows: 'AUS Eastern Standard Time',
    standard: { offset: '+1000', at: '030000', month: 4, byday: '1SU' }, daylight: { offset: '+1100', at: '020000', month: 10, byday: '1SU' } },
  { iana: 'Australia/Lord_Howe', windows: 'Lord Howe Standard Time',
    standard: { offset: '+1030', at: '020000', month: 4, byday: '1SU' }, daylight: { offset: '+1100', at: '020000', month: 10, byday: '1SU' } },
  { iana: 'Asia/Kolkata', windows: 'India Standard Time', standard: { offset: '+0530' } },
  { iana: 'America/Sao_Paulo', windows: 'E. South America Standard Time', standard: { offset: '-0300' } },
];

/** Exchange's VTIMEZONE for the zone's rules, under any TZID (Exchange also writes "Customized Time Zone"). */
export function exchangeVtimezone(zone: ZoneRules, tzid: string): string[] {
  const { standard, daylight } = zone;
  if (daylight === undefined) {
    return ['BEGIN:VTIMEZONE', `TZID:${tzid}`, 'BEGIN:STANDARD', 'DTSTART:16010101T000000',
      `TZOFFSETFROM:${standard.offset}`, `TZOFFSETTO:${standard.offset}`, 'END:STANDARD', 'END:VTIMEZONE'];
  }
  return [
    'BEGIN:VTIMEZONE', `TZID:${tzid}`,
    'BEGIN:STANDARD', `DTSTART:16010101T${standard.at}`, `TZOFFSETFROM:${daylight.offset}`, `TZOFFSETTO:${standard.offset}`,
    `RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=${standard.byday};BYMONTH=${standard.month}`, 'END:STANDARD',
    'BEGIN:DAYLIGHT', `DTSTART:16010101T${daylight.at}`, `TZOFFSETFROM:${standard.offset}`, `TZOFFSETTO:${daylight.offset}`,
    `RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=${daylight.byday};BYMONTH=${daylight.month}`, 'END:DAYLIGHT',
    'END:VTIMEZONE',
  ];
}

/** A VCALENDAR with the given top lines (VTIMEZONEs) and one VEVENT per entry of `events`. */
export function calendar(events: string[][], { method = 'REQUEST', top = [] as string[] } = {}): string {
  const lines = ['BEGIN:VCALENDAR', 'PRODID:-//interview-followup tests//EN', 'VERSION:2.0', ...(method === '' ? [] : [`METHOD:${method}`]), ...top];
  events.forEach((event, index) => {
    lines.push('BEGIN:VEVENT', `UID:event-${index}@tests.example`, 'DTSTAMP:20261101T120000Z', ...event, 'END:VEVENT');
  });
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}

/** "YYYYMMDDTHHMMSS" of wall-clock fields. */
export function icsDateTime(year: number, month: number, day: number, hour: number, minute: number): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(year, 4)}${pad(month)}${pad(day)}T${pad(hour)}${pad(minute)}00`;
}
