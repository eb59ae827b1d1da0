import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discoverInterviews } from '../../../src/core/discovery/discover.ts';
import { INTERVIEW_ID_PATTERN } from '../../../src/core/discovery/interview-id.ts';
import type { CalendarMethod, CalendarPerson, Invitation } from '../../../src/core/invitation.ts';
import { BOB, JANE, ME, MYSELF, SETTINGS, invitation, person } from './builders.ts';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];

const ME_ADDRESSES = new Set(ME.emails);
const ROOMS = [
  person('boardroom@acme-corp.com', { cutype: 'ROOM', name: 'Boardroom' }),
  person('c_188@resource.calendar.google.com', { name: 'NYC-4-Fuji (8)' }),
  person('beamer@acme-corp.com', { cutype: 'RESOURCE' }),
  person('eng@acme-corp.com', { cutype: 'GROUP' }),
];
const ROBOTS = [person('no-reply@greenhouse.io'), person('scheduling@goodtime.io'), person('donotreply@acme-corp.com'), person('x@calendly.com')];
const NOT_INTERVIEWERS = new Set([...ME_ADDRESSES, ...ROOMS.map((p) => p.email), ...ROBOTS.map((p) => p.email)]);
const PEOPLE: CalendarPerson[] = [
  JANE,
  BOB,
  MYSELF,
  person('alex.doe@gmail.com'),
  person('kim.park@initech.com'),
  person('friend@gmail.com', { name: 'Friend' }),
  person('carol@acme-corp.com', { partstat: 'DECLINED' }),
  ...ROOMS,
  ...ROBOTS,
];

const instant = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });

const version = fc.record({
  uid: fc.constantFrom('uid-a', 'uid-b', 'uid-c'),
  sequence: fc.integer({ min: 0, max: 3 }),
  // Few distinct stamps and dates, so that versions tie and the tie-breaks are exercised.
  dtstamp: fc.option(fc.constantFrom(...['2026-11-01T12:00:00Z', '2026-11-02T12:00:00Z'].map((d) => new Date(d))), { nil: undefined }),
  date: fc.constantFrom(...['2026-11-01T12:00:00Z', '2026-11-03T12:00:00Z', '2026-11-05T12:00:00Z'].map((d) => new Date(d))),
  start: instant('2026-11-16T00:00:00Z', '2026-12-31T00:00:00Z'),
  minutes: fc.integer({ min: 0, max: 120 }),
  method: fc.constantFrom<CalendarMethod | null>('REQUEST', 'REQUEST', 'PUBLISH', 'CANCEL', 'REPLY', null),
  summary: fc.constantFrom('Interview with Acme Corp: Backend Engineer', 'Phone screen', 'Acme + Alex', 'Hooli | SRE — Final round', 'Weekly sync'),
  organizer: fc.option(fc.constantFrom(...PEOPLE), { nil: null }),
  attendees: fc.subarray(PEOPLE),
  recurring: fc.boolean(),
  mine: fc.boolean(),
});

type Version = typeof version extends fc.Arbitrary<infer T> ? T : never;

let messages = 0;
function build(v: Version): Invitation {
  messages += 1;
  return invitation({
    id: `m${messages}`,
    uid: v.uid,
    sequence: v.sequence,
    ...(v.dtstamp ? { dtstamp: v.dtstamp.toISOString() } : {}),
    date: v.date.toISOString(),
    start: v.start.toISOString(),
    minutes: v.minutes,
    method: v.method,
    summary: v.summary,
    organizer: v.organizer,
    attendees: v.attendees,
    recurring: v.recurring && v.sequence === 3,
    ...(v.mine && v.sequence === 2 ? { labels: ['SENT'] } : {}),
  });
}

describe('discovery properties', () => {
  it('the result does not depend on the order of the invitations', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 8 }).map((vs) => vs.map(build)), fc.constantFrom(...ZONES), (invitations, timezone) => {
        const reversed = [...invitations].reverse();
        const rotated = [...invitations.slice(1), ...invitations.slice(0, 1)];
        const run = (list: Invitation[]) => discoverInterviews({ invitations: list, me: ME, settings: SETTINGS, timezone });
        const expected = run(invitations);
        expect(run(reversed)).toEqual(expected);
        expect(run(rotated)).toEqual(expected);
      }),
    );
  });

  it('the id of a UID does not change when a later SEQUENCE moves the start', () => {
    fc.assert(
      fc.property(version, instant('2026-11-16T00:00:00Z', '2027-03-31T00:00:00Z'), fc.integer({ min: 1, max: 5 }), fc.constantFrom(...ZONES), (v, newStart, bump, timezone) => {
        const first = { ...v, method: 'REQUEST' as const, recurring: false, mine: false, organizer: JANE, attendees: [JANE, MYSELF] };
        const later = { ...first, sequence: first.sequence + bump, start: newStart, date: new Date(first.date.getTime() + 3_600_000) };
        const run = (list: Invitation[]) => discoverInterviews({ invitations: list, me: ME, settings: SETTINGS, timezone }).found;
        const [before] = run([build(first)]);
        const [after] = run([build(first), build(later)]);
        expect(after!.interview.start).toEqual(newStart);
        expect(after!.interview.id).toBe(before!.interview.id);
        expect(after!.interview.id).toMatch(INTERVIEW_ID_PATTERN);
      }),
    );
  });

  it('no interviewer is ever me, a room, or a robot; the contact is always an interviewer at a company', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 6 }).map((vs) => vs.map(build)), (invitations) => {
        const { found } = discoverInterviews({ invitations, me: ME, settings: SETTINGS, timezone: 'UTC' });
        for (const { interview } of found) {
          for (const interviewer of interview.interviewers) expect(NOT_INTERVIEWERS.has(interviewer.email)).toBe(false);
          expect(interview.interviewers.map((i) => i.email)).toContain(interview.contact.email);
          expect(interview.domains).not.toContain('gmail.com');
          expect(interview.domains.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
