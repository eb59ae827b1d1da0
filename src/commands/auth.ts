import { authenticate as localAuthenticate } from '@google-cloud/local-auth';
import { AuthError } from '../errors.ts';
import { defaultCredentialsPath, readOAuthClientFile } from '../gmail/credentials-file.ts';
import { writeAuthorizedUser } from '../gmail/token-file.ts';
import type { Logger } from '../log.ts';
import { tokenPath as defaultTokenPath } from '../state/paths.ts';

/** The least that reads threads and creates drafts. gmail.compose also allows sending (no Gmail
 *  scope allows drafts without it): no code path here sends (GMAIL-NOTES §6). */
export const GMAIL_SCOPES = [
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/gmail.compose',
];

export interface SignInResult {
  credentials: { refresh_token?: string | null; scope?: string | null };
}

export type Authenticate = (options: { keyfilePath: string; scopes: string[] }) => Promise<SignInResult>;

export interface RunAuthOptions {
  /** The Desktop-app OAuth client file from Google Cloud Console. */
  credentialsPath: string;
  tokenPath: string;
  log: (line: string) => void;
  /** The browser sign-in; @google-cloud/local-auth unless a test passes its own. */
  authenticate?: Authenticate;
}

const PERMISSIONS_URL = 'https://myaccount.google.com/permissions';

function missingScopes(scope: string | null | undefined): string[] {
  if (!scope) return [];
  const granted = new Set(scope.split(/\s+/));
  return GMAIL_SCOPES.filter((s) => !granted.has(s));
}

async function signIn(authenticate: Authenticate, keyfilePath: string): Promise<SignInResult> {
  try {
    return await authenticate({ keyfilePath, scopes: GMAIL_SCOPES });
  } catch (error) {
    const why = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    throw new AuthError(`Google sign-in did not complete (${why}). Run \`followup auth\` to try again.`);
  }
}

/** `followup auth`: the one interactive step. Opens the browser once, then saves the refresh token
 *  (mode 0600) so cron runs never need a browser. Never called from `run`. */
export async function runAuth(options: RunAuthOptions): Promise<void> {
  const client = await readOAuthClientFile(options.credentialsPath);
  options.log('Opening your browser to sign in to Google: read mail and create drafts (this tool never sends).');
  // local-auth's client comes from another google-auth-library copy (GMAIL-NOTES §6): only its
  // credentials are used, never the client itself.
  const { credentials } = await signIn(options.authenticate ?? localAuthenticate, options.credentialsPath);
  // Google returns a refresh token only on first consent, and local-auth does not ask again.
  if (!credentials.refresh_token) {
    throw new AuthError(
      `Google did not return a refresh token: this app was already allowed before. Remove its access at ${PERMISSIONS_URL}, then run \`followup auth\` again.`,
    );
  }
  const missing = missingScopes(credentials.scope);
  if (missing.length > 0) {
    throw new AuthError(`The sign-in did not allow ${missing.join(' and ')}. Run \`followup auth\` again and allow both.`);
  }
  await writeAuthorizedUser(options.tokenPath, {
    type: 'authorized_user',
    client_id: client.client_id,
    client_secret: client.client_secret,
    refresh_token: credentials.refresh_token,
  });
  options.log(`Signed in. The sign-in is saved in ${options.tokenPath} (readable only by you).`);
}

export interface AuthCommandOptions {
  /** --credentials; default $XDG_CONFIG_HOME/interview-followup/credentials.json. */
  credentialsPath?: string;
  /** Default $XDG_CONFIG_HOME/interview-followup/token.json. */
  tokenPath?: string;
  log: Logger;
  env?: Readonly<Record<string, string | undefined>>;
  authenticate?: Authenticate;
}

/** `followup auth` as the CLI calls it: default paths, messages through the logger (stderr). */
export function authCommand(options: AuthCommandOptions): Promise<void> {
  const env = options.env ?? process.env;
  return runAuth({
    credentialsPath: options.credentialsPath ?? defaultCredentialsPath(env),
    tokenPath: options.tokenPath ?? defaultTokenPath(env),
    log: (line) => options.log.info(line),
    ...(options.authenticate ? { authenticate: options.authenticate } : {}),
  });
}
