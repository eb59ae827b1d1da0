import { TZDate, tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarText } from '../../src/invitations/parse-calendar.ts';
import { calendar, CRLF, exchangeVtimezone, icsDateTime, ZONES, type ZoneRules } from './ics-builders.ts';

// For generated zone / wall-time pairs, every way a sender can write the time (IANA TZID with its
// VTIMEZONE, Windows zone id alone, Exchange's "Customized Time Zone" defined only by its VTIMEZONE,
// UTC) must give the instant @date-fns/tz's TZDate gives, across DST changes. Where a DST change
// repeats an hour, RFC 5545 §3.3.5 takes the first occurrence; TZDate does not always, so there the
// expectation is the earliest instant that shows that wall time in the zone.

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallInZone(epoch: number, zone: string): string {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formatters.set(zone, format);
  }
  const part = (type: string): string => format.formatToParts(epoch).find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

function wallText(wall: Wall): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** Every instant (offsets are whole quarter hours in these zones) the zone's clocks show the wall time. */
function occurrences(wall: Wall, zone: string): number[] {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const found: number[] = [];
  for (let quarter = -64; quarter <= 64; quarter++) {
    const epoch = asUtc - quarter * 15 * 60_000;
    if (wallInZone(epoch, zone) === wallText(wall)) found.push(epoch);
  }
  return found;
}

function expectedInstant(wall: Wall, zone: string): number {
  const found = occurrences(wall, zone);
  if (found.length > 1) return Math.min(...found);
  return new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, 0, zone).getTime();
}

/** The local days of 2026–2027 on which the zone's offset changes, to aim the generator at them. */
function transitionDays(zone: string): Wall[] {
  const days: Wall[] = [];
  for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
    if (tzOffset(zone, new Date(day)) !== tzOffset(zone, new Date(day + 86_400_000))) {
      for (const at of [day, day + 86_400_000]) {
        const date = new Date(at);
        days.push({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 });
      }
    }
  }
  return days;
}

const anyDay = fc.integer({ min: 0, max: 729 }).map((offset): Wall => {
  const date = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 };
});

const zoneAndWall = fc.constantFrom(...ZONES).chain((zone) => {
  const near = transitionDays(zone.iana);
  const day = near.length === 0 ? anyDay : fc.oneof(anyDay, fc.constantFrom(...near));
  const hour = fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 4 }));
  return fc.tuple(fc.constant(zone), day, hour, fc.integer({ min: 0, max: 59 }))
    .map(([z, d, h, m]): [ZoneRules, Wall] => [z, { ...d, hour: h, minute: m }]);
});

function startOf(text: string): number | string {
  const parse = parseCalendarText(text);
  if (!parse.ok) return `refused: ${parse.reason}`;
  const timing = parse.events[0]?.timing;
  return timing?.kind === 'timed' ? timing.start.getTime() : `not timed: ${timing?.kind}`;
}

describe('instants do not depend on how the zone is written, and agree with TZDate', () => {
  it('IANA TZID + VTIMEZONE, Windows id, Customized Time Zone + VTIMEZONE and UTC give one instant', () => {
    fc.assert(fc.property(zoneAndWall, ([zone, wall]) => {
      const local = icsDateTime(wall.year, wall.month, wall.day, wall.hour, wall.minute);
      const expected = expectedInstant(wall, zone.iana);
      const utc = new Date(expected).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      const written = {
        iana: startOf(calendar([[`DTSTART;TZID=${zone.iana}:${local}`]], { top: exchangeVtimezone(zone, zone.iana) })),
        windows: startOf(calendar([[`DTSTART;TZID=${zone.windows}:${local}`]])),
        customized: startOf(calendar([[`DTSTART;TZID=Customized Time Zone:${local}`]], { top: exchangeVtimezone(zone, 'Customized Time Zone') })),
        utc: startOf(calendar([[`DTSTART:${utc}`]])),
      };
      expect(written).toEqual({ iana: expected, windows: expected, customized: expected, utc: expected });
    }), { numRuns: 400 });
  });

  it('an hour repeated by the end of daylight time is its first occurrence (RFC 5545 §3.3.5)', () => {
    const wall = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };
    expect(occurrences(wall, 'America/New_York')).toHaveLength(2);
    expect(new Date(expectedInstant(wall, 'America/New_York')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('untrusted text never makes the parser throw', () => {
  it('any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => {
      expect(typeof parseCalendarText(text).ok).toBe('boolean');
    }), { numRuns: 300 });
  });

  it('a real calendar with lines dropped, duplicated or garbled', () => {
    const lines = calendar([['DTSTART;TZID=Customized Time Zone:20261123T160000', 'DTEND;TZID=Customized Time Zone:20261123T170000',
      'ORGANIZER;CN="A, B":mailto:a@b.example', 'ATTENDEE;PARTSTAT=ACCEPTED:mailto:c@d.example', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY']],
    { top: exchangeVtimezone(ZONES[2] as ZoneRules, 'Customized Time Zone') }).split(CRLF);
    const edit = fc.record({ at: fc.nat(lines.length - 1), kind: fc.constantFrom('drop', 'twice', 'garble'), junk: fc.string({ maxLength: 12 }) });
    fc.assert(fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
      const edited = [...lines];
      for (const { at, kind, junk } of edits) {
        const line = edited[at % edited.length] ?? '';
        if (kind === 'drop') edited.splice(at % edited.length, 1);
        else if (kind === 'twice') edited.splice(at % edited.length, 0, line);
        else edited[at % edited.length] = line.slice(0, junk.length) + junk;
      }
      expect(typeof parseCalendarText(edited.join(CRLF)).ok).toBe('boolean');
    }), { numRuns: 300 });
  });
});
