import { describe, expect, it } from 'vitest';
import { parseDateHeader, parseFromLineDate } from '../../src/mailbox/message-date.ts';

describe('parseFromLineDate', () => {
  it.each([
    ['From 1849876543210987654@xxx Wed Nov 18 21:42:10 +0000 2026', '2026-11-18T21:42:10.000Z'],
    ['From 1849876543210987654@xxx Wed Nov 18 16:42:10 -0500 2026', '2026-11-18T21:42:10.000Z'],
    ['From jane@acme.com Mon Mar  3 09:05:00 2025', '2025-03-03T09:05:00.000Z'],
    ['From MAILER-DAEMON Fri Jul  8 12:08:34 2011', '2011-07-08T12:08:34.000Z'],
  ])('%s → %s', (line, iso) => {
    expect(parseFromLineDate(line)?.toISOString()).toBe(iso);
  });

  it.each(['From ', 'From x Wed Foo 18 21:42:10 2026', 'garbage'])('%j → undefined', (line) => {
    expect(parseFromLineDate(line)).toBeUndefined();
  });
});

describe('parseDateHeader', () => {
  it.each([
    ['Thu, 19 Nov 2026 09:15:00 -0500', '2026-11-19T14:15:00.000Z'],
    ['Thu, 19 Nov 2026 09:15:00 -0500 (EST)', '2026-11-19T14:15:00.000Z'],
    ['19 Nov 2026 14:15:00 GMT', '2026-11-19T14:15:00.000Z'],
  ])('%s → %s', (value, iso) => {
    expect(parseDateHeader(value)?.toISOString()).toBe(iso);
  });

  it.each([undefined, '', 'next Tuesday-ish'])('%j → undefined', (value) => {
    expect(parseDateHeader(value)).toBeUndefined();
  });
});
