import { auth, gmail } from '@googleapis/gmail';
import { AuthError, GmailError } from '../errors.ts';
import { describeGmailError } from './error-info.ts';
import type { TokenResponse } from './token-file.ts';

// The end of the sign-in: the code exchanged for tokens, the grant checked, the account named.

/** The least that reads threads and creates drafts. gmail.compose also allows sending (no Gmail
 *  scope allows drafts without it): no code path here sends (docs/gmail.md §6). */
export const GMAIL_SCOPES = [
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/gmail.compose',
];

const PERMISSIONS_URL = 'https://myaccount.google.com/permissions';

type OAuth2Client = InstanceType<typeof auth.OAuth2>;

function missingScopes(scope: string | null | undefined): string[] {
  const granted = new Set((scope ?? '').split(/\s+/));
  return GMAIL_SCOPES.filter((s) => !granted.has(s));
}

/** The authorization code for tokens, with the PKCE verifier and the same redirect URI. */
export async function exchangeCode(client: OAuth2Client, code: string, codeVerifier: string, redirectUri: string): Promise<TokenResponse> {
  try {
    const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
    return tokens as TokenResponse;
  } catch (error) {
    const info = describeGmailError(error);
    const why = [info.oauthError, info.message].filter(Boolean).join(': ').slice(0, 200);
    throw new AuthError(`Google refused the sign-in code (${why}). Run \`followup auth\` to try again.`);
  }
}

/** The grant is usable by scheduled runs: a refresh token, and both scopes ticked. */
export function checkGrant(tokens: TokenResponse): asserts tokens is TokenResponse & { refresh_token: string } {
  // prompt=consent makes Google return a refresh token every time; without one, cron could not run.
  if (!tokens.refresh_token) {
    throw new AuthError(
      `Google did not return a refresh token. Remove this app's access at ${PERMISSIONS_URL}, then run \`followup auth\` again.`,
    );
  }
  const missing = missingScopes(tokens.scope);
  if (missing.length > 0) {
    throw new AuthError(`The sign-in did not allow ${missing.join(' and ')}. Run \`followup auth\` again and tick both boxes.`);
  }
}

/** The account just signed in (getProfile): said back to the user, and a first real Gmail call. */
export async function signedInAddress(client: OAuth2Client): Promise<string> {
  try {
    const { data } = await gmail({ version: 'v1', auth: client, retry: false, timeout: 30_000 }).users.getProfile({ userId: 'me' });
    if (typeof data.emailAddress === 'string') return data.emailAddress;
    throw new GmailError('Gmail getProfile returned no address.');
  } catch (error) {
    if (error instanceof GmailError) throw error;
    const info = describeGmailError(error);
    if (info.reasons.some((r) => r === 'accessNotConfigured' || r === 'SERVICE_DISABLED')) {
      throw new GmailError('Signed in and saved, but the Gmail API is not enabled in your Google Cloud project: enable it (APIs & Services → Library → Gmail API); no need to sign in again.');
    }
    throw new GmailError(`Signed in and saved, but Gmail getProfile failed (${info.status ?? info.code}: ${info.message}).`);
  }
}
