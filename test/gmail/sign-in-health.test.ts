import { describe, expect, it } from 'vitest';
import { signInWarning } from '../../src/commands/sign-in-notice.ts';
import { signInHealth } from '../../src/gmail/sign-in-health.ts';
import type { AuthorizedUser } from '../../src/gmail/token-file.ts';

const OLD: AuthorizedUser = { type: 'authorized_user', client_id: 'c.apps.googleusercontent.com', client_secret: 's', refresh_token: '1//r' };
const ISSUED = '2026-11-20T09:00:00.000Z';
const TESTING: AuthorizedUser = { ...OLD, issued_at: ISSUED, refresh_token_expires_in: 604_799, refresh_token_expires_at: '2026-11-27T08:59:59.000Z' };
const day = (n: number, hours = 0) => new Date(Date.parse(ISSUED) + (n * 24 + hours) * 3600_000);

describe('sign-in health', () => {
  it('knows nothing of a token file from before the dates were recorded, and never warns about it', () => {
    const health = signInHealth(OLD, day(30));
    expect(health).toEqual({ expiringSoon: false, expired: false });
    expect(signInWarning(health, day(30), 'UTC')).toBeUndefined();
  });

  it('a published app: an age, no expiry', () => {
    const user = { ...OLD, issued_at: ISSUED, last_refresh_at: '2026-11-24T09:00:00.000Z' };
    expect(signInHealth(user, day(40))).toEqual({
      issuedAt: new Date(ISSUED), ageDays: 40, lastRefreshAt: new Date('2026-11-24T09:00:00.000Z'), expiringSoon: false, expired: false,
    });
  });

  it('an app in Testing: known from day 0, warned about from day 5, expired on day 7', () => {
    expect(signInHealth(TESTING, day(0))).toMatchObject({ ageDays: 0, expiresAt: new Date('2026-11-27T08:59:59.000Z'), expiringSoon: false });
    expect(signInWarning(signInHealth(TESTING, day(4, 23)), day(4, 23), 'UTC')).toBeUndefined();
    expect(signInWarning(signInHealth(TESTING, day(5)), day(5), 'UTC')).toBe(
      'your Google sign-in expires on Fri Nov 27 08:59 (OAuth app in Testing); run `followup auth` again or publish the app',
    );
    const late = signInHealth(TESTING, day(7));
    expect(late).toMatchObject({ ageDays: 7, expired: true });
    expect(signInWarning(late, day(7), 'America/New_York')).toMatch(/^your Google sign-in expired on Fri Nov 27 03:59 \(OAuth app in Testing\)/);
  });

  it('without the absolute expiry, counts the lifetime from the issue time', () => {
    const { refresh_token_expires_at: _, ...user } = TESTING;
    expect(signInHealth(user, day(1)).expiresAt).toEqual(new Date(Date.parse(ISSUED) + 604_799_000));
  });
});
