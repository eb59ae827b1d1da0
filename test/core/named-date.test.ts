import { describe, expect, it } from 'vitest';
import { namedFutureDay } from '../../src/core/named-date.ts';
import { calendarOf } from '../../src/core/calendar.ts';

const cal = calendarOf('America/New_York', []);
const SENT = new Date('2026-11-20T10:00:00-05:00'); // a Friday

describe('namedFutureDay', () => {
  it.each([
    ['We expect to decide by December 4th.', '2026-12-04'],
    ['We will be in touch by Dec. 4, 2026.', '2026-12-04'],
    ['I am back on 30 November.', '2026-11-30'],
    ['Back in the office on Monday.', '2026-11-23'],
    ['We will have news by January 8.', '2027-01-08'],
    ['Decision expected 2026-12-01.', '2026-12-01'],
    ['Thanks for your time on November 18.', undefined],
    ['No date here at all.', undefined],
    ['Meet me on February 30.', undefined],
  ])('%s → %s', (text, day) => {
    expect(namedFutureDay(text, SENT, cal)).toBe(day);
  });
});
