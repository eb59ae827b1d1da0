import { describe, expect, it } from 'vitest';
import { discoverInterviews } from '../../../src/core/discovery/discover.ts';
import type { Invitation } from '../../../src/core/invitation.ts';
import { BOB, JANE, ME, MYSELF, SETTINGS, ZONE, invitation, person, type InvitationSpec } from './builders.ts';

function foundFor(spec: InvitationSpec) {
  const result = discoverInterviews({ invitations: [invitation(spec)], me: ME, settings: SETTINGS, timezone: ZONE });
  expect(result.found).toHaveLength(1);
  return result.found[0]!;
}

describe('start and durationMinutes from the event (rounded minutes)', () => {
  it.each([
    { name: 'an hour', timing: ['2026-11-18T15:00:00Z', '2026-11-18T16:00:00Z'], minutes: 60, guessed: false },
    { name: '29 min 50 s → 30', timing: ['2026-11-18T15:00:00Z', '2026-11-18T15:29:50Z'], minutes: 30, guessed: false },
    { name: '45 min 20 s → 45', timing: ['2026-11-18T15:00:00Z', '2026-11-18T15:45:20Z'], minutes: 45, guessed: false },
    { name: 'no length (end = start) → 60, guessed', timing: ['2026-11-18T15:00:00Z', '2026-11-18T15:00:00Z'], minutes: 60, guessed: true },
  ])('$name', ({ timing, minutes, guessed }) => {
    const [start, end] = timing.map((t) => new Date(t!)) as [Date, Date];
    const found = foundFor({ timing: { kind: 'timed', start, end } });
    expect(found.interview.start).toEqual(start);
    expect(found.interview.durationMinutes).toBe(minutes);
    expect(found.guessed.includes('duration')).toBe(guessed);
  });
});

describe('interviewers = organizer and attendees minus me, rooms, resources, groups, non-participants, decliners and robots', () => {
  it('keeps only the people who take part, each once, the organizer first', () => {
    const found = foundFor({
      organizer: JANE,
      attendees: [
        MYSELF,
        person('alex.doe@gmail.com', { name: 'Alex (personal)' }),
        { ...JANE, role: 'CHAIR' },
        BOB,
        person('boardroom@acme-corp.com', { name: 'Boardroom', cutype: 'ROOM' }),
        person('projector@acme-corp.com', { cutype: 'RESOURCE' }),
        person('c_1889@resource.calendar.google.com', { name: 'NYC-4-Fuji (8)' }),
        person('eng-team@acme-corp.com', { cutype: 'GROUP' }),
        person('assistant@acme-corp.com', { role: 'NON-PARTICIPANT' }),
        person('carol@acme-corp.com', { name: 'Carol', partstat: 'DECLINED' }),
        person('no-reply@acme-corp.com'),
        person('scheduling@goodtime.io'),
        person('kim.park@acme-corp.com'),
      ],
    });
    expect(found.interview.interviewers).toEqual([
      { name: 'Jane Smith', email: 'jane.smith@acme-corp.com', topics: [] },
      { name: 'Bob Lee', email: 'bob@acme-corp.com', topics: [] },
      { name: 'Kim Park', email: 'kim.park@acme-corp.com', topics: [] },
    ]);
    expect(found.guessed).toContain('interviewer-names');
  });

  it('takes names from CN, and guesses none when every CN is given', () => {
    const found = foundFor({ attendees: [JANE, BOB, MYSELF] });
    expect(found.interview.interviewers.map((i) => i.name)).toEqual(['Jane Smith', 'Bob Lee']);
    expect(found.guessed).not.toContain('interviewer-names');
  });

  it('an interviewer at a free-mail provider is kept, but their domain says nothing about the company', () => {
    const found = foundFor({ attendees: [JANE, person('contractor@gmail.com', { name: 'Sam Contractor' }), MYSELF] });
    expect(found.interview.interviewers.map((i) => i.email)).toEqual(['jane.smith@acme-corp.com', 'contractor@gmail.com']);
    expect(found.interview.domains).toEqual(['acme-corp.com']);
  });
});

describe('contact = the organizer when a person at the company, else the first interviewer', () => {
  it.each([
    { name: 'the organizer, a person at the company', organizer: BOB, attendees: [JANE, BOB, MYSELF], contact: 'bob@acme-corp.com' },
    { name: 'the organizer is a robot → the first interviewer', organizer: person('no-reply@greenhouse.io'), attendees: [JANE, BOB, MYSELF], contact: 'jane.smith@acme-corp.com' },
    { name: 'the organizer writes from gmail.com → the first interviewer at the company', organizer: person('recruiter@gmail.com', { name: 'Rita' }), attendees: [BOB, MYSELF], contact: 'bob@acme-corp.com' },
    { name: 'I organized it → the first interviewer', organizer: MYSELF, attendees: [MYSELF, JANE], contact: 'jane.smith@acme-corp.com' },
  ])('$name', ({ organizer, attendees, contact }) => {
    const found = foundFor({ organizer, attendees, from: { email: 'calendar-notification@google.com' } });
    expect(found.interview.contact.email).toBe(contact);
  });
});

describe('company from the title when it says, else from the domain (guessed)', () => {
  it.each([
    // Google Calendar
    { title: 'Interview with Acme Corp: Backend Engineer', company: 'Acme Corp', role: 'Backend Engineer', guessed: false },
    // Outlook
    { title: 'Backend Engineer Interview - Acme', company: 'Acme', role: 'Backend Engineer', guessed: false },
    // Greenhouse / GoodTime
    { title: 'Onsite Interview — Wonka Industries', company: 'Wonka Industries', role: undefined, guessed: false },
    // Teams
    { title: 'Hooli | Site Reliability Engineer — Final round', company: 'Hooli', role: 'Site Reliability Engineer', guessed: false },
    // Zoom
    { title: 'Conversation with Umbrella', company: 'Umbrella', role: undefined, guessed: false },
    // Calendly: my name and theirs, nothing else
    { title: 'Jane Smith and Alex Doe', company: 'Acme Corp', role: undefined, guessed: true },
    { title: 'Phone screen', company: 'Acme Corp', role: undefined, guessed: true },
    { title: 'Interview with Jane Smith', company: 'Acme Corp', role: undefined, guessed: true },
  ])('$title → $company', ({ title, company, role, guessed }) => {
    const found = foundFor({ summary: title });
    expect(found.interview.company).toBe(company);
    expect(found.interview.role).toBe(role);
    expect(found.guessed.includes('company')).toBe(guessed);
  });

  it('careers.acme.co.uk → "Acme" (the registrable label before the public suffix)', () => {
    const found = foundFor({ summary: 'Phone screen', organizer: person('recruiter@careers.acme.co.uk', { name: 'Rita Patel' }), attendees: [MYSELF] });
    expect(found.interview).toMatchObject({ company: 'Acme', domains: ['careers.acme.co.uk'] });
  });
});

describe('the interview found', () => {
  it('has source invitation, invite = UID, topics [], and the defaults a configured one would have', () => {
    const found = foundFor({ attendees: [JANE, BOB, MYSELF] });
    expect(found.interview).toEqual({
      id: 'acme-corp-2026-11-18-aca4',
      company: 'Acme Corp',
      role: 'Backend Engineer',
      start: new Date('2026-11-18T15:00:00Z'),
      durationMinutes: 60,
      interviewers: [
        { name: 'Jane Smith', email: 'jane.smith@acme-corp.com', topics: [] },
        { name: 'Bob Lee', email: 'bob@acme-corp.com', topics: [] },
      ],
      domains: ['acme-corp.com'],
      contact: { name: 'Jane Smith', email: 'jane.smith@acme-corp.com' },
      source: 'invitation',
      invite: 'uid-1@acme-corp.com',
    });
  });

  it('lists found interviews by start, skipped ones by UID', () => {
    const invitations: Invitation[] = [
      invitation({ uid: 'b', start: '2026-11-20T10:00:00-05:00' }),
      invitation({ uid: 'a', start: '2026-11-19T10:00:00-05:00' }),
      invitation({ uid: 'd', recurring: true }),
      invitation({ uid: 'c', recurring: true }),
    ];
    const result = discoverInterviews({ invitations, me: ME, settings: SETTINGS, timezone: ZONE });
    expect(result.found.map((f) => f.interview.invite)).toEqual(['a', 'b']);
    expect(result.skipped.map((s) => s.uid)).toEqual(['c', 'd']);
  });
});
