import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Invitation } from '../../src/core/invitation.ts';
import { calendarPartsOfGmailPayload } from '../../src/invitations/gmail-calendar-parts.ts';
import { gmailPayload } from '../helpers/gmail-server-mime.ts';
import { calendarTextsViaMailparser, fixture, INVITATION_FIXTURES, invitationsBothWays } from './both-adapters.ts';

/** What the core needs of an invitation, with instants as ISO UTC strings. */
function digest(invitation: Invitation) {
  const { event } = invitation;
  const timing = event.timing.kind === 'timed'
    ? `${event.timing.start.toISOString()} → ${event.timing.end.toISOString()}`
    : event.timing.kind;
  return {
    method: invitation.method,
    uid: event.uid,
    sequence: event.sequence,
    timing,
    recurring: event.recurring,
    status: event.status,
    summary: event.summary,
    organizer: event.organizer?.email,
    attendees: event.attendees.map((person) => person.email),
  };
}

const ACME_UID = '5k2m7q9t1v3x5z7b9d1f3h5j7l@google.com';
const ACME_GUESTS = ['rita@acme-corp.com', 'alex.doe@example.com', 'jane.smith@acme-corp.com', 'omar.haddad@acme-corp.com',
  'c_1884f2a9d7e0b3c6@resource.calendar.google.com'];
const ZOOM_UID = '20261105T180312Z-84512093377@fe80:0:0:0:1c4e:8dff:fe3a:9b21ens5';

const EXPECTED: Record<string, ReturnType<typeof digest>[]> = {
  'google-calendar-invite.eml': [{
    method: 'REQUEST', uid: ACME_UID, sequence: 0, timing: '2026-11-18T15:00:00.000Z → 2026-11-18T16:00:00.000Z',
    recurring: false, status: 'CONFIRMED', summary: 'Interview with Acme Corp: Backend Engineer',
    organizer: 'rita@acme-corp.com', attendees: ACME_GUESTS,
  }],
  'google-calendar-update.eml': [{
    method: 'REQUEST', uid: ACME_UID, sequence: 1, timing: '2026-11-19T19:00:00.000Z → 2026-11-19T20:00:00.000Z',
    recurring: false, status: 'CONFIRMED', summary: 'Interview with Acme Corp: Backend Engineer',
    organizer: 'rita@acme-corp.com', attendees: ACME_GUESTS,
  }],
  'outlook-invite.eml': [{
    method: 'REQUEST', uid: '040000008200E00074C5B7101A82E0080000000030F1C2A4D1B8DC01000000000000000010000000A7B2E4C9D3F6814E9B0C5D2A8F7E6B13',
    sequence: 0, timing: '2026-11-20T14:30:00.000Z → 2026-11-20T15:30:00.000Z', recurring: false, status: 'CONFIRMED',
    summary: 'Technical interview – Platform Engineer', organizer: 'priya.nair@globex.com', attendees: ['alex.doe@example.com'],
  }],
  'outlook-customized-tz.eml': [{
    method: 'REQUEST', uid: '040000008200E00074C5B7101A82E00800000000D0E9A1C6E7B9DC010000000000000000100000005C3E8B1F0A2D4E6F8091A2B3C4D5E6F7',
    sequence: 0, timing: '2026-11-23T15:00:00.000Z → 2026-11-23T16:00:00.000Z', recurring: false, status: 'CONFIRMED',
    summary: 'Initech – Interview Data Engineer', organizer: 'bill.lumbergh@initech.de',
    attendees: ['alex.doe@example.com', 'milton.waddams@initech.de'],
  }],
  'teams-invite.eml': [{
    method: 'REQUEST', uid: '040000008200E00074C5B7101A82E00800000000F4A2C8D6E0BADC010000000000000000100000009E8D7C6B5A4938271605F4E3D2C1B0A9',
    sequence: 0, timing: '2026-12-02T18:00:00.000Z → 2026-12-02T19:30:00.000Z', recurring: false, status: 'CONFIRMED',
    summary: 'Hooli | Site Reliability Engineer — Final round', organizer: 'dana.kim@hooli.com',
    attendees: ['alex.doe@example.com', 'gavin.belson@hooli.com'],
  }],
  'zoom-invite.eml': [{
    method: 'REQUEST', uid: ZOOM_UID, sequence: 0, timing: '2026-11-24T17:00:00.000Z → 2026-11-24T17:45:00.000Z',
    recurring: false, status: undefined, summary: 'Conversation with Umbrella', organizer: 'lars.berg@umbrella.io',
    attendees: ['alex.doe@example.com'],
  }],
  'cancellation.eml': [{
    method: 'CANCEL', uid: ZOOM_UID, sequence: 1, timing: '2026-11-24T17:00:00.000Z → 2026-11-24T17:45:00.000Z',
    recurring: false, status: 'CANCELLED', summary: 'Conversation with Umbrella', organizer: 'lars.berg@umbrella.io',
    attendees: ['alex.doe@example.com'],
  }],
  'ats-scheduling.eml': [{
    method: 'REQUEST', uid: 'interview-4417280-onsite-1@greenhouse.io', sequence: 0,
    timing: '2026-12-01T15:00:00.000Z → 2026-12-01T19:00:00.000Z', recurring: false, status: 'CONFIRMED',
    summary: 'Onsite Interview — Wonka Industries', organizer: 'no-reply@us.greenhouse-mail.io',
    attendees: ['alex.doe@example.com', 'grace.ortiz@wonka.com', 'sam.lee@wonka.com', 'charlie.bucket@wonka.com'],
  }],
  'employer-recurring.eml': [{
    method: 'REQUEST', uid: '3d6f9h2j5l8n1p4r7t0v3x6z9b@google.com', sequence: 0,
    timing: '2026-11-30T14:30:00.000Z → 2026-11-30T15:00:00.000Z', recurring: true, status: 'CONFIRMED',
    summary: 'Platform team sync', organizer: 'bob@example.com',
    attendees: ['bob@example.com', 'alex.doe@example.com', 'carol.nguyen@example.com'],
  }],
  'dentist.eml': [{
    method: 'REQUEST', uid: 'appt-88231904@smiledesk.example', sequence: 0,
    timing: '2026-12-03T13:00:00.000Z → 2026-12-03T13:45:00.000Z', recurring: false, status: 'CONFIRMED',
    summary: 'Dental cleaning – Bright Smile Dental', organizer: 'no-reply@smiledesk.example', attendees: ['alex.doe@example.com'],
  }],
  'accepted-reply.eml': [{
    method: 'REPLY', uid: '7g0j3m6p9s2v5y8b1e4h7k0n3q@google.com', sequence: 0,
    timing: '2026-11-23T16:00:00.000Z → 2026-11-23T16:30:00.000Z', recurring: false, status: 'CONFIRMED',
    summary: 'Follow-up chat: Alex Doe / Jane Smith', organizer: 'alex.doe@example.com', attendees: ['jane.smith@acme-corp.com'],
  }],
  'all-day-event.eml': [{
    method: 'REQUEST', uid: '0a7c4e1g8i5k2m9o6q3s0u7w4y@google.com', sequence: 0, timing: 'all-day', recurring: false,
    status: 'CONFIRMED', summary: 'Acme Corp take-home exercise (due end of day)', organizer: 'rita@acme-corp.com',
    attendees: ['rita@acme-corp.com', 'alex.doe@example.com'],
  }],
  'floating-event.eml': [{
    method: 'REQUEST', uid: 'phone-screen-20261130-1500-alex.doe@vandelay.com', sequence: 0, timing: 'floating',
    recurring: false, status: 'CONFIRMED', summary: 'Phone screen - Vandelay Industries (Solutions Engineer)',
    organizer: 'art@vandelay.com', attendees: ['alex.doe@example.com'],
  }],
  'broken-ics.eml': [],
};

describe('the invitation fixtures', () => {
  it('has an expectation for every fixture file', () => {
    const files = readdirSync(INVITATION_FIXTURES).filter((name) => name.endsWith('.eml')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: mailparser and Gmail yield the same invitations, with exact instants`, async () => {
      const { mbox, gmail } = await invitationsBothWays(name);
      expect(mbox.invitations.map(digest)).toEqual(expected);
      expect(gmail.invitations).toEqual(mbox.invitations);
      expect(gmail.warnings).toEqual(mbox.warnings);
      if (expected.length > 0) expect(mbox.warnings).toEqual([]);
    });
  }
});

describe('what the fixtures show about each sender', () => {
  it('Google Calendar: the same calendar inline and as invite.ics, kept once; every guest with CN, CUTYPE, ROLE, PARTSTAT', async () => {
    const texts = await calendarTextsViaMailparser(fixture('google-calendar-invite.eml'));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toBe(texts[1]);
    const { mbox } = await invitationsBothWays('google-calendar-invite.eml');
    const [invitation] = mbox.invitations;
    expect(invitation?.event.organizer).toEqual({ email: 'rita@acme-corp.com', name: 'Rita Recruiter' });
    expect(invitation?.event.attendees).toEqual([
      { email: 'rita@acme-corp.com', name: 'Rita Recruiter', cutype: 'INDIVIDUAL', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' },
      { email: 'alex.doe@example.com', name: 'alex.doe@example.com', cutype: 'INDIVIDUAL', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' },
      { email: 'jane.smith@acme-corp.com', name: 'Jane Smith', cutype: 'INDIVIDUAL', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' },
      { email: 'omar.haddad@acme-corp.com', cutype: 'INDIVIDUAL', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION' },
      { email: 'c_1884f2a9d7e0b3c6@resource.calendar.google.com', name: 'NYC-4-Ganges (6)', cutype: 'RESOURCE', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED' },
    ]);
    expect(invitation?.event.dtstamp?.toISOString()).toBe('2026-11-09T14:15:03.000Z');
    expect(invitation?.event.location).toBe('NYC-4-Ganges (6)');
    expect(invitation?.event.description).toMatch(/^Hi Alex,\n\nLooking forward to our conversation about the Backend Engineer role\./);
    expect(invitation?.event.description).toContain('30 minutes on your background, 30 minutes of system design.');
    expect(invitation?.event.description).toContain('Join with Google Meet: https://meet.google.com/xkq-tbrn-wpe');
    expect(invitation?.message.subject).toBe('Invitation: Interview with Acme Corp: Backend Engineer @ Wed Nov 18, 2026 10am - 11am (EST) (alex.doe@example.com)');
  });

  it('Gmail serves Google Calendar\'s inline part as body.data and invite.ics only by attachmentId', () => {
    const parts = calendarPartsOfGmailPayload(gmailPayload(fixture('google-calendar-invite.eml')));
    expect(parts.texts).toHaveLength(1);
    expect(parts.attachments).toEqual([{ attachmentId: 'att-1', partId: '1', filename: 'invite.ics', size: expect.any(Number) }]);
  });

  it('Outlook sends one inline base64 text/calendar part and no attachment', () => {
    const parts = calendarPartsOfGmailPayload(gmailPayload(fixture('outlook-invite.eml')));
    expect(parts.texts).toHaveLength(1);
    expect(parts.attachments).toEqual([]);
    expect(parts.texts[0]).toContain('TZID:Eastern Standard Time');
  });

  it('Exchange text in German keeps its umlauts through base64 and UTF-8', async () => {
    const { mbox } = await invitationsBothWays('outlook-customized-tz.eml');
    expect(mbox.invitations[0]?.event.description).toContain('vielen Dank für Ihr Interesse');
    expect(mbox.invitations[0]?.event.location).toBe('Initech GmbH, Friedrichstraße 68, 10117 Berlin');
  });

  it('Teams: the join text is in the description', async () => {
    const { mbox } = await invitationsBothWays('teams-invite.eml');
    const description = mbox.invitations[0]?.event.description ?? '';
    expect(description).toContain('Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting<https://teams.microsoft.com/l/meetup-join/');
    expect(description).toContain('Meeting ID: 254 812 309 771');
    expect(mbox.invitations[0]?.event.location).toBe('Microsoft Teams Meeting');
  });

  it('Zoom: the join link is the location, the dial-in commas are unescaped', async () => {
    const { mbox } = await invitationsBothWays('zoom-invite.eml');
    const event = mbox.invitations[0]?.event;
    expect(event?.location).toBe('https://us06web.zoom.us/j/84512093377?pwd=Qm9vbWVyYW5nLUxhcnMtVW1icmVsbGEx.1');
    expect(event?.description).toContain('+13052241968,,84512093377#,,,,*702913# US\n');
    expect(event?.description).toContain('• +1 305 224 1968 US');
  });

  it('a quoted CN with a comma stays one name', async () => {
    const { mbox } = await invitationsBothWays('floating-event.eml');
    expect(mbox.invitations[0]?.event.organizer).toEqual({ email: 'art@vandelay.com', name: 'Vandelay, Art' });
  });

  it('a cut-off calendar part is a broken-invitation warning naming the message and its addresses', async () => {
    const { mbox } = await invitationsBothWays('broken-ics.eml');
    expect(mbox.invitations).toEqual([]);
    expect(mbox.warnings).toEqual([{
      code: 'broken-invitation',
      message: 'A calendar invitation in "Interview: Massive Dynamic – Backend Engineer (final round)" cannot be read: it ends inside VEVENT (cut off?); its events are skipped.',
      source: 'broken-ics.eml',
      evidence: { addresses: ['nina.sharp@massivedynamic.com', 'alex.doe@example.com'] },
    }]);
  });
});
