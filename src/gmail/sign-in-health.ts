import { DAY_MS } from '../core/calendar.ts';
import type { AuthorizedUser } from './token-file.ts';

// "A Google Cloud Platform project with an OAuth consent screen configured for an external user
// type and a publishing status of 'Testing' is issued a refresh token expiring in 7 days"
// (https://developers.google.com/identity/protocols/oauth2#expiration). Google says so in the token
// response (refresh_token_expires_in), which token-file.ts keeps.

/** Warn from day 5 of the 7: two days left to sign in again or publish the app. */
export const WARN_BEFORE_EXPIRY_MS = 2 * DAY_MS;

export interface SignInHealth {
  /** When the refresh token was issued; undefined for token files from before this was recorded. */
  issuedAt?: Date;
  ageDays?: number;
  lastRefreshAt?: Date;
  /** Set when Google gave the refresh token a lifetime: the OAuth app is in Testing status. */
  expiresAt?: Date;
  /** Within two days of expiresAt, or past it. */
  expiringSoon: boolean;
  expired: boolean;
}

function dateOf(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function expiryOf(user: AuthorizedUser, issuedAt: Date | undefined): Date | undefined {
  const at = dateOf(user.refresh_token_expires_at);
  if (at !== undefined) return at;
  if (issuedAt === undefined || user.refresh_token_expires_in === undefined) return undefined;
  return new Date(issuedAt.getTime() + user.refresh_token_expires_in * 1000);
}

export function signInHealth(user: AuthorizedUser, now: Date): SignInHealth {
  const issuedAt = dateOf(user.issued_at);
  const lastRefreshAt = dateOf(user.last_refresh_at);
  const expiresAt = expiryOf(user, issuedAt);
  const left = expiresAt === undefined ? Number.POSITIVE_INFINITY : expiresAt.getTime() - now.getTime();
  return {
    ...(issuedAt ? { issuedAt, ageDays: Math.max(0, Math.floor((now.getTime() - issuedAt.getTime()) / DAY_MS)) } : {}),
    ...(lastRefreshAt ? { lastRefreshAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    expiringSoon: left <= WARN_BEFORE_EXPIRY_MS,
    expired: left <= 0,
  };
}
