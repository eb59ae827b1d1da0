import { describe, expect, it } from 'vitest';
import { discoverInterviews } from '../../../src/core/discovery/discover.ts';
import type { DiscoverySettings } from '../../../src/core/discovery/types.ts';
import { JANE, ME, MYSELF, SETTINGS, ZONE, invitation, person, type InvitationSpec } from './builders.ts';

function foundFor(spec: InvitationSpec, settings: Partial<DiscoverySettings> = {}) {
  const result = discoverInterviews({ invitations: [invitation(spec)], me: ME, settings: { ...SETTINGS, ...settings }, timezone: ZONE });
  expect(result.found).toHaveLength(1);
  return result.found[0]!;
}

const PLAIN = { summary: 'Acme + Alex', description: '' };

describe('confidence auto when the title (SUMMARY) or DESCRIPTION speaks of an interview', () => {
  it.each([
    { summary: 'Technical interview', reason: 'the title says “Technical interview”' },
    { summary: 'Phone screen', reason: 'the title says “Phone screen”' },
    { summary: 'Onsite — Hooli', reason: 'the title says “Onsite — Hooli”' },
    { summary: 'Hiring manager chat', reason: 'the title says “Hiring manager chat”' },
    { summary: 'Conversation with Umbrella', reason: 'the title says “Conversation with Umbrella”' },
    { summary: 'Final round', reason: 'the title says “Final round”' },
    { summary: 'System design', reason: 'the title says “System design”' },
  ])('$summary → auto', ({ summary, reason }) => {
    expect(foundFor({ summary })).toMatchObject({ confidence: 'auto', reason });
  });

  it('reads the description when the title says nothing', () => {
    const found = foundFor({ ...PLAIN, description: 'Hi Alex, this is your coding session with Jane.\n\nJoin Zoom Meeting https://zoom.us/j/1' });
    expect(found).toMatchObject({ confidence: 'auto', reason: 'the description mentions “coding”' });
  });

  it('quotes the title on one line, without control characters (mail is untrusted)', () => {
    expect(foundFor({ summary: 'Technical\u202e\ninterview' }).reason).toBe('the title says “Technical interview”');
  });
});

describe('confidence auto when the invitation comes from an applicant-tracking or scheduling system', () => {
  it.each([
    { name: 'From at an ATS', spec: { from: { name: 'Acme Recruiting', email: 'no-reply@greenhouse.io' } }, reason: 'sent through an applicant-tracking system (greenhouse.io)' },
    { name: 'Sender at a scheduling system', spec: { sender: { email: 'notifications@calendly.com' } }, reason: 'scheduled through Calendly' },
    {
      name: 'ORGANIZER at a scheduling system',
      spec: { organizer: person('acme@goodtime.io', { name: 'Acme Scheduling' }), attendees: [JANE, MYSELF], from: { email: 'acme@goodtime.io' } },
      reason: 'scheduled through GoodTime',
    },
    { name: 'ORGANIZER at an ATS subdomain', spec: { organizer: person('interviews@us.greenhouse-mail.io'), attendees: [JANE, MYSELF] }, reason: 'sent through an applicant-tracking system (us.greenhouse-mail.io)' },
    { name: 'ModernLoop', spec: { sender: { email: 'scheduler@modernloop.io' } }, reason: 'scheduled through ModernLoop' },
  ])('$name', ({ spec, reason }) => {
    expect(foundFor({ ...PLAIN, ...spec })).toMatchObject({ confidence: 'auto', reason });
  });

  it('says both when the title and the system say so', () => {
    expect(foundFor({ summary: 'Onsite Interview — Wonka Industries', sender: { email: 'x@goodtime.io' } }).reason).toBe(
      'the title says “Onsite Interview — Wonka Industries” and scheduled through GoodTime',
    );
  });
});

describe('otherwise suggested (a meeting with people at a company domain, nothing more)', () => {
  it('names the domains', () => {
    const found = foundFor({ ...PLAIN, attendees: [JANE, person('kim@initech.com'), MYSELF] });
    expect(found).toMatchObject({ confidence: 'suggested', reason: 'a meeting with people at acme-corp.com, initech.com, nothing more' });
  });

  it('with settings.mode suggest everything is suggested, and the reason says why', () => {
    const found = foundFor({ summary: 'Technical interview' }, { mode: 'suggest' });
    expect(found).toMatchObject({ confidence: 'suggested', reason: "the title says “Technical interview”, but discovery.mode is 'suggest': only suggested" });
  });
});

describe('ignore: an interview whose id or UID is in settings.ignore gets status ignored', () => {
  it.each([
    ['its UID', 'uid-1@acme-corp.com'],
    ['its id', 'acme-corp-2026-11-18-aca4'],
  ])('by %s', (_name, ignored) => {
    expect(foundFor({}, { ignore: [ignored] }).status).toBe('ignored');
    expect(foundFor({}, { ignore: ['something-else'] }).status).toBe('active');
  });

  it('ignored wins over cancelled: the user dismissed it', () => {
    expect(foundFor({ method: 'CANCEL' }, { ignore: ['uid-1@acme-corp.com'] }).status).toBe('ignored');
  });
});
