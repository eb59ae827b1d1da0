import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { businessDaysAfter, calendarOf, thankYouDeadline } from '../../src/core/calendar.ts';

const ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Auckland', 'America/Los_Angeles', 'UTC'];
const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true });

describe('R1 thankYouDeadline across time zones and DST', () => {
  it('is 23:59:59.999 local on the start day before the cutoff, else on the next day', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 23 }), (start, zone, cutoff) => {
        const cal = calendarOf(zone, []);
        const deadline = new TZDate(thankYouDeadline(start, cutoff, cal).getTime(), zone);
        const local = new TZDate(start.getTime(), zone);
        expect([deadline.getHours(), deadline.getMinutes(), deadline.getSeconds(), deadline.getMilliseconds()]).toEqual([23, 59, 59, 999]);
        const nextDay = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + 1, zone);
        const expectedDay = local.getHours() < cutoff ? local : nextDay;
        expect(deadline.getDate()).toBe(expectedDay.getDate());
        expect(deadline.getTime()).toBeGreaterThan(start.getTime());
      }),
    );
  });

  it.each([
    // Spring forward in New York: 2026-03-08 02:00 → 03:00. The deadline is still local midnight.
    ['2026-03-07T15:00:00-05:00', '2026-03-09T03:59:59.999Z'],
    ['2026-11-01T09:00:00-05:00', '2026-11-02T04:59:59.999Z'], // fall back day, morning interview
  ])('%s → %s', (start, deadline) => {
    expect(thankYouDeadline(new Date(start), 12, calendarOf('America/New_York', [])).toISOString()).toBe(deadline);
  });
});

describe('R4 businessDaysAfter', () => {
  it.each([
    ['Fri → Mon', '2025-03-07T17:30:00-05:00', 1, '2025-03-10T04:00:00.000Z'], // across spring-forward
    ['Sat → Mon', '2026-11-21T10:00:00-05:00', 1, '2026-11-23T05:00:00.000Z'],
    ['Sun → Mon', '2026-11-22T10:00:00-05:00', 1, '2026-11-23T05:00:00.000Z'],
    ['Wed + 5 → Wed', '2026-11-18T15:00:00-05:00', 5, '2026-11-25T05:00:00.000Z'],
    ['late Friday in New York is Saturday in UTC, still Monday', '2025-03-07T22:30:00-05:00', 1, '2025-03-10T04:00:00.000Z'],
  ])('%s', (_name, from, n, expected) => {
    expect(businessDaysAfter(new Date(from), n as number, calendarOf('America/New_York', [])).toISOString()).toBe(expected);
  });

  it('lands on local midnight of a weekday that is not a holiday, n business days on', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.integer({ min: 1, max: 15 }), fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 4 }), (from, zone, n, offsets) => {
        const local = new TZDate(from.getTime(), zone);
        const holidays = offsets.map((o) => {
          const d = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + o, zone);
          return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        });
        const cal = calendarOf(zone, holidays);
        const result = new TZDate(businessDaysAfter(from, n, cal).getTime(), zone);
        expect([result.getHours(), result.getMinutes()]).toEqual([0, 0]);
        expect([0, 6]).not.toContain(result.getDay());
        // Count the business days walked: exactly n.
        let count = 0;
        for (let d = 1; ; d++) {
          const day = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() + d, zone);
          const key = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
          if (![0, 6].includes(day.getDay()) && !holidays.includes(key)) count++;
          if (day.getTime() >= result.getTime()) break;
        }
        expect(count).toBe(n);
      }),
    );
  });
});
