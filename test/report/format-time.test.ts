import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../src/report/format-time.ts';

describe('formatInstant', () => {
  const now = new Date('2026-11-24T14:00:00Z');

  it.each([
    ['2026-11-25T04:59:59.999Z', 'America/New_York', 'Tue Nov 24 23:59'],
    ['2026-11-25T04:59:59.999Z', 'Europe/Berlin', 'Wed Nov 25 05:59'],
    ['2026-11-25T04:59:59.999Z', 'Asia/Kolkata', 'Wed Nov 25 10:29'],
    // DST: New York is UTC-4 before Nov 1 2026 and UTC-5 after.
    ['2026-10-31T16:00:00Z', 'America/New_York', 'Sat Oct 31 12:00'],
    ['2026-11-02T16:00:00Z', 'America/New_York', 'Mon Nov 2 11:00'],
    ['2025-12-30T15:00:00Z', 'UTC', 'Tue Dec 30 2025 15:00'],
    // The year is the user's: 23:30 on Dec 31 in New York is already the next year in UTC.
    ['2027-01-01T04:30:00Z', 'America/New_York', 'Thu Dec 31 23:30'],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(formatInstant(new Date(iso), zone, now)).toBe(expected);
  });

  it('leaves the year out without a reference time', () => {
    expect(formatInstant(new Date('2020-02-29T12:00:00Z'), 'UTC')).toBe('Sat Feb 29 12:00');
  });
});
