import { describe, expect, it } from 'vitest';
import { discoverInterviews } from '../../../src/core/discovery/discover.ts';
import { INTERVIEW_ID_PATTERN, companySlug, interviewId } from '../../../src/core/discovery/interview-id.ts';
import type { Invitation } from '../../../src/core/invitation.ts';
import { ME, SETTINGS, ZONE, invitation } from './builders.ts';

function ids(invitations: Invitation[], knownIds?: ReadonlyMap<string, string>, timezone = ZONE) {
  return discoverInterviews({ invitations, me: ME, settings: SETTINGS, timezone, ...(knownIds ? { knownIds } : {}) }).found.map((f) => f.interview.id);
}

describe('id: `${companySlug}-${yyyy-mm-dd}-${hash4}`, stable and readable', () => {
  it.each([
    ['Acme Corp', 'acme-corp'],
    ['Wonka Industries', 'wonka-industries'],
    ['Société Générale', 'societe-generale'],
    ['AT&T', 'at-t'],
    ['  --Hooli!!  ', 'hooli'],
    ['International Business Machines Corporation', 'international-business'],
    ['東京', 'interview'],
    ['Abcdefghijklmnopqrstuvwxyz Labs', 'abcdefghijklmnopqrstuvwx'],
    ['A Bcdefghijklmnopqrstuvwxyz', 'a-bcdefghijklmnopqrstuvw'],
    ['Twenty Four Letters Inc X', 'twenty-four-letters-inc'],
  ])('slug of %j is %j (lower-case, [a-z0-9-], ≤ 24 chars)', (company, slug) => {
    expect(companySlug(company)).toBe(slug);
    expect(slug.length).toBeLessThanOrEqual(24);
  });

  it('hash4 = the first 4 hex digits of FNV-1a of the UID', () => {
    // fnv1a32("uid-1@acme-corp.com") = 0xaca4224d
    expect(interviewId({ company: 'Acme Corp', firstStart: new Date('2026-11-18T15:00:00Z'), timezone: ZONE, uid: 'uid-1@acme-corp.com' })).toBe('acme-corp-2026-11-18-aca4');
  });

  it('takes the date in the user time zone', () => {
    const late = [invitation({ start: '2026-11-18T20:30:00-05:00' })];
    expect(ids(late, undefined, 'America/New_York')).toEqual(['acme-corp-2026-11-18-aca4']);
    expect(ids(late, undefined, 'Europe/Berlin')).toEqual(['acme-corp-2026-11-19-aca4']);
  });

  it('uses the FIRST version (lowest SEQUENCE): its start and its company', () => {
    const first = invitation({ id: 'v0', sequence: 0, summary: 'Phone screen', start: '2026-11-18T10:00:00-05:00' });
    const renamed = invitation({ id: 'v1', sequence: 1, summary: 'Interview with Initech', start: '2026-11-25T10:00:00-05:00' });
    expect(ids([renamed, first])).toEqual(['acme-corp-2026-11-18-aca4']);
  });

  it('when knownIds has the UID, that id wins', () => {
    expect(ids([invitation()], new Map([['uid-1@acme-corp.com', 'acme-backend']]))).toEqual(['acme-backend']);
  });

  it('a known id that does not match the config id pattern is not used', () => {
    expect(ids([invitation()], new Map([['uid-1@acme-corp.com', '../etc/passwd']]))).toEqual(['acme-corp-2026-11-18-aca4']);
  });

  it('two UIDs that would share an id get the 8-digit hash (uid-64 and uid-316 share "cd7b")', () => {
    const both = [invitation({ uid: 'uid-64@acme-corp.com' }), invitation({ uid: 'uid-316@acme-corp.com' })];
    expect(ids(both).sort()).toEqual(['acme-corp-2026-11-18-cd7b565c', 'acme-corp-2026-11-18-cd7b7984']);
  });

  it('a fresh id never takes an id already known for another UID', () => {
    const known = new Map([['uid-64@acme-corp.com', 'acme-corp-2026-11-18-cd7b']]);
    expect(ids([invitation({ uid: 'uid-316@acme-corp.com' })], known)).toEqual(['acme-corp-2026-11-18-cd7b565c']);
  });

  it('matches the config id pattern /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/', () => {
    const id = interviewId({ company: 'Ümlaut & Söhne International Holdings GmbH', firstStart: new Date(), timezone: 'UTC', uid: 'x', hashLength: 8 });
    expect(id).toMatch(INTERVIEW_ID_PATTERN);
  });
});
