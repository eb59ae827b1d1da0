import { describe, expect, it } from 'vitest';
import { discoverInterviews } from '../../../src/core/discovery/discover.ts';
import type { DiscoverySettings } from '../../../src/core/discovery/types.ts';
import type { Me } from '../../../src/core/types.ts';
import { JANE, ME, MYSELF, SETTINGS, ZONE, invitation, person, type InvitationSpec } from './builders.ts';

function skippedFor(spec: InvitationSpec, settings: Partial<DiscoverySettings> = {}, me: Me = ME) {
  const result = discoverInterviews({ invitations: [invitation(spec)], me, settings: { ...SETTINGS, ...settings }, timezone: ZONE });
  expect(result.found).toEqual([]);
  expect(result.skipped).toHaveLength(1);
  return result.skipped[0]!;
}

describe('not interviews (→ skipped with a reason)', () => {
  it.each([
    { name: 'recurring events', spec: { recurring: true }, reason: 'a recurring event (RRULE/RDATE): a series, not an interview' },
    { name: 'all-day events', spec: { timing: { kind: 'all-day' as const } }, reason: 'an all-day event: an interview has a start time' },
    { name: 'floating events', spec: { timing: { kind: 'floating' as const } }, reason: 'a floating time with no time zone: its instant is unknown' },
  ])('$name', ({ spec, reason }) => {
    expect(skippedFor(spec).reason).toBe(reason);
  });

  it('keeps the winning version as the evidence of a skipped invitation', () => {
    expect(skippedFor({ recurring: true, id: 'weekly', subject: 'Invitation: Weekly sync' }).invitation).toEqual({
      uid: 'uid-1@acme-corp.com',
      sequence: 0,
      method: 'REQUEST',
      messageId: '<weekly@mail.test>',
      subject: 'Invitation: Weekly sync',
      from: { name: 'Jane Smith', email: 'jane.smith@acme-corp.com' },
      receivedAt: new Date('2026-11-10T09:00:00-05:00'),
    });
  });

  const NOBODY = 'nobody at a company takes part: only me, free-mail addresses, rooms and robots';
  it.each([
    { name: 'only free-mail addresses', spec: { organizer: person('jane@gmail.com', { name: 'Jane' }), attendees: [person('jane@gmail.com'), MYSELF] } },
    { name: 'only me', spec: { organizer: MYSELF, attendees: [MYSELF], from: { email: 'calendar-notification@google.com' } } },
    {
      name: 'ATS and scheduling robots are not "someone at the company"',
      spec: { organizer: person('no-reply@greenhouse.io'), attendees: [person('scheduling@goodtime.io'), MYSELF] },
    },
    {
      name: 'a room at a company is not someone at the company',
      spec: { organizer: person('hr@gmail.com'), attendees: [person('room-4@acme-corp.com', { cutype: 'ROOM' }), MYSELF] },
    },
    {
      name: 'someone at the company who declined does not take part',
      spec: { organizer: person('hr@gmail.com'), attendees: [person('jane@acme-corp.com', { partstat: 'DECLINED' }), MYSELF] },
    },
  ])('invitations with nobody at a company: $name', ({ spec }) => {
    expect(skippedFor(spec).reason).toBe(NOBODY);
  });

  it.each([
    { name: 'organized by a colleague', spec: { organizer: person('bob@example.com', { name: 'Bob' }), attendees: [MYSELF, JANE] }, who: 'bob@example.com' },
    { name: 'involving a colleague', spec: { attendees: [JANE, MYSELF, person('carol@example.com')] }, who: 'carol@example.com' },
    { name: 'a colleague at a subdomain of my employer', spec: { attendees: [JANE, MYSELF, person('dan@eng.example.com')] }, who: 'dan@eng.example.com' },
    { name: 'sent by a colleague', spec: { from: { email: 'erin@example.com' } }, who: 'erin@example.com' },
  ])('an invitation $name is never an interview', ({ spec, who }) => {
    expect(skippedFor(spec).reason).toBe(`it involves ${who}, a colleague at my own domain: not an interview`);
  });

  it('my free-mail provider is no employer: other gmail.com users are not colleagues', () => {
    const spec = { attendees: [JANE, MYSELF, person('friend@gmail.com')] };
    const result = discoverInterviews({ invitations: [invitation(spec)], me: ME, settings: SETTINGS, timezone: ZONE });
    expect(result.found).toHaveLength(1);
  });

  it('a robot at my own domain is no colleague (someone at Google gets Google Calendar mail)', () => {
    const googler: Me = { name: 'Alex Doe', emails: ['alex@google.com'] };
    const spec = { attendees: [JANE, person('alex@google.com')], from: { email: 'calendar-notification@google.com' }, sender: { email: 'calendar-notification@google.com' } };
    const result = discoverInterviews({ invitations: [invitation(spec)], me: googler, settings: SETTINGS, timezone: ZONE });
    expect(result.found).toHaveLength(1);
  });

  it.each([
    { name: 'an attendee at an ignored domain', spec: {}, ignoreDomains: ['acme-corp.com'], domain: 'acme-corp.com' },
    { name: 'a subdomain of an ignored domain', spec: { organizer: person('jo@eu.acme-corp.com'), attendees: [MYSELF] }, ignoreDomains: ['ACME-CORP.COM'], domain: 'eu.acme-corp.com' },
    { name: 'sent through an ignored domain', spec: { sender: { email: 'notifications@calendly.com' } }, ignoreDomains: ['calendly.com'], domain: 'calendly.com' },
  ])('invitations involving settings.ignoreDomains: $name', ({ spec, ignoreDomains, domain }) => {
    expect(skippedFor(spec, { ignoreDomains }).reason).toBe(`it involves ${domain}, which discovery.ignoreDomains lists`);
  });

  it('settings.mode off: none', () => {
    const result = discoverInterviews({ invitations: [invitation()], me: ME, settings: { ...SETTINGS, mode: 'off' }, timezone: ZONE });
    expect(result).toEqual({ found: [], skipped: [] });
  });
});
