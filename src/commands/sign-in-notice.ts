import { systemTimeZone } from '../config/time-zone.ts';
import type { SignInHealth } from '../gmail/sign-in-health.ts';
import { formatInstant } from '../report/format-time.ts';

/** The warning for an OAuth app in Testing, from day 5 of its 7-day sign-in; undefined before. */
export function signInWarning(health: SignInHealth, now: Date, timezone: string = systemTimeZone()): string | undefined {
  if (!health.expiresAt || !health.expiringSoon) return undefined;
  const when = formatInstant(health.expiresAt, timezone, now);
  return health.expired
    ? `your Google sign-in expired on ${when} (OAuth app in Testing); run \`followup auth\` again, and publish the app so the next one lasts`
    : `your Google sign-in expires on ${when} (OAuth app in Testing); run \`followup auth\` again or publish the app`;
}
