import { describe, expect, it } from 'vitest';
import { discoverInterviews } from '../../../src/core/discovery/discover.ts';
import { mergeWithConfig } from '../../../src/core/discovery/merge-with-config.ts';
import type { DiscoverySettings } from '../../../src/core/discovery/types.ts';
import type { Invitation } from '../../../src/core/invitation.ts';
import type { Interview } from '../../../src/core/types.ts';
import { interview } from '../builders.ts';
import { ME, MYSELF, SETTINGS, ZONE, invitation, person } from './builders.ts';

const JANE_AT_ACME = { name: 'Jane Smith', email: 'jane.smith@acme-corp.com', topics: ['event sourcing'] };
const CONFIGURED = interview({ id: 'acme-backend', interviewers: [JANE_AT_ACME], domains: ['acme-corp.com'], start: new Date('2026-11-18T10:00:00-05:00') });

function merge(configured: Interview[], invitations: Invitation[], settings: Partial<DiscoverySettings> = {}) {
  const all = { ...SETTINGS, ...settings };
  const discovery = discoverInterviews({ invitations, me: ME, settings: all, timezone: ZONE });
  return mergeWithConfig({ configured, discovery, timezone: ZONE });
}

describe('config wins: a configured interview replaces the found one', () => {
  it.each([
    { name: 'with invite equal to the found UID', configured: { ...CONFIGURED, invite: 'uid-1@acme-corp.com', start: new Date('2026-11-18T08:00:00-05:00') }, spec: {} },
    { name: 'whose start is within +30 minutes and shares an interviewer address', configured: CONFIGURED, spec: { start: '2026-11-18T10:30:00-05:00' } },
    { name: 'whose start is within -30 minutes and shares an interviewer address', configured: CONFIGURED, spec: { start: '2026-11-18T09:30:00-05:00' } },
  ])('$name', ({ configured, spec }) => {
    const { listing, decideOn } = merge([configured], [invitation({ id: 'inv', ...spec })]);
    expect(listing).toHaveLength(1);
    expect(listing[0]).toMatchObject({ interview: configured, source: 'config', confidence: null, status: 'active', guessed: [] });
    expect(listing[0]!.invitation?.messageId).toBe('<inv@mail.test>');
    expect(decideOn).toEqual([configured]);
  });

  it.each([
    { name: '31 minutes apart', spec: { start: '2026-11-18T10:31:00-05:00' } },
    { name: 'the same time but no interviewer in common', spec: { organizer: person('kim@acme-corp.com', { name: 'Kim' }), attendees: [MYSELF] } },
  ])('is another interview when $name', ({ spec }) => {
    const { listing, decideOn } = merge([CONFIGURED], [invitation(spec)]);
    expect(listing.map((l) => l.source)).toEqual(['config', 'invitation']);
    expect(decideOn.map((i) => i.id)).toEqual(['acme-backend', 'acme-corp-2026-11-18-aca4']);
  });

  it('says so in notes when the invitation was since rescheduled — the config is not changed', () => {
    const configured = { ...CONFIGURED, invite: 'uid-1@acme-corp.com' };
    const moved = [invitation({ sequence: 0 }), invitation({ sequence: 1, start: '2026-11-19T14:00:00-05:00' })];
    const [listed] = merge([configured], moved).listing;
    expect(listed!.interview).toBe(configured);
    expect(listed!.notes).toEqual([
      'the invitation “Invitation: Interview with Acme Corp: Backend Engineer” now starts Thu Nov 19 14:00, the config says Wed Nov 18 10:00; the config is not changed',
    ]);
  });

  it('says so in notes when the invitation was since cancelled', () => {
    const cancelled = [invitation({ sequence: 0 }), invitation({ sequence: 1, method: 'CANCEL', subject: 'Canceled event: Interview', date: '2026-11-12T09:15:00-05:00' })];
    const { listing, decideOn } = merge([CONFIGURED], cancelled);
    expect(listing[0]!.notes).toEqual(['the invitation “Canceled event: Interview” was cancelled on Thu Nov 12 09:15; the config is not changed']);
    expect(decideOn).toEqual([CONFIGURED]);
  });

  it('has no notes when the invitation agrees with the config', () => {
    expect(merge([CONFIGURED], [invitation()]).listing[0]!.notes).toEqual([]);
  });

  it('absorbs every invitation of the same interview, showing the one the config names by UID', () => {
    const configured = { ...CONFIGURED, invite: 'zoom-uid' };
    const google = invitation({ uid: 'google-uid', id: 'google' });
    const zoom = invitation({ uid: 'zoom-uid', id: 'zoom', start: '2026-11-18T10:05:00-05:00' });
    const { listing } = merge([configured], [google, zoom]);
    expect(listing).toHaveLength(1);
    expect(listing[0]!.invitation?.uid).toBe('zoom-uid');
  });
});

describe('decideOn = every configured interview + found active auto ones (mode auto) + found cancelled ones', () => {
  const auto = invitation({ uid: 'auto', summary: 'Technical interview', start: '2026-11-20T10:00:00-05:00' });
  const suggested = invitation({ uid: 'suggested', summary: 'Acme + Alex', start: '2026-11-19T10:00:00-05:00' });
  const cancelled = invitation({ uid: 'cancelled', method: 'CANCEL', summary: 'Phone screen', start: '2026-11-21T10:00:00-05:00' });
  const ignored = invitation({ uid: 'ignored', summary: 'Onsite', start: '2026-11-17T10:00:00-05:00' });
  const configured = { ...CONFIGURED, start: new Date('2026-12-01T10:00:00-05:00') };

  it('suggested and ignored ones are only listed; listing: configured first, then found by start', () => {
    const { listing, decideOn } = merge([configured], [auto, suggested, cancelled, ignored], { ignore: ['ignored'] });
    expect(listing.map((l) => [l.interview.invite ?? l.interview.id, l.source, l.confidence, l.status])).toEqual([
      ['acme-backend', 'config', null, 'active'],
      ['ignored', 'invitation', 'auto', 'ignored'],
      ['suggested', 'invitation', 'suggested', 'active'],
      ['auto', 'invitation', 'auto', 'active'],
      ['cancelled', 'invitation', 'auto', 'cancelled'],
    ]);
    expect(decideOn.map((i) => i.invite ?? i.id)).toEqual(['acme-backend', 'auto', 'cancelled']);
    expect(decideOn.find((i) => i.invite === 'cancelled')?.cancelledAt).toBeInstanceOf(Date);
  });

  it('a cancelled meeting that was only ever suggested is only listed', () => {
    const meeting = invitation({ uid: 'meeting', method: 'CANCEL', summary: 'Acme + Alex' });
    const { listing, decideOn } = merge([], [meeting]);
    expect(listing).toEqual([expect.objectContaining({ confidence: 'suggested', status: 'cancelled' })]);
    expect(decideOn).toEqual([]);
  });

  it('with mode suggest only the configured ones are decided on', () => {
    const { listing, decideOn } = merge([configured], [auto, cancelled], { mode: 'suggest' });
    expect(listing).toHaveLength(3);
    expect(decideOn).toEqual([configured]);
  });

  it('with mode off only the configured ones are listed and decided on', () => {
    expect(merge([configured], [auto], { mode: 'off' })).toEqual({ listing: [expect.objectContaining({ source: 'config' })], decideOn: [configured] });
  });
});
