import { auth, gmail, type gmail_v1 } from '@googleapis/gmail';
import { AuthError, ConfigError } from '../errors.ts';
import { tokenPath as defaultTokenPath } from '../state/paths.ts';
import { readAuthorizedUser, writeAuthorizedUser, type AuthorizedUser } from './token-file.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface BuildGmailClientOptions {
  env: Env;
  /** The saved sign-in; defaults to $XDG_CONFIG_HOME/interview-followup/token.json. */
  tokenPath?: string;
  /** Per-request timeout (ms). gaxios has none by default. */
  timeoutMs?: number;
}

const NO_SIGN_IN = 'You are not signed in to Google yet. Run `followup auth`.';
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

// gaxios retries GETs on its own (3 times, no jitter, ignoring Retry-After, never 403 rate limits):
// turned off so src/gmail/retry.ts is the one retry policy (GMAIL-NOTES §4).
function client(authClient: InstanceType<typeof auth.OAuth2>, timeoutMs: number, rootUrl?: string): gmail_v1.Gmail {
  return gmail({ version: 'v1', auth: authClient, retry: false, timeout: timeoutMs, ...(rootUrl ? { rootUrl } : {}) });
}

/** FOLLOWUP_GMAIL_ROOT_URL must be an http(s) URL; only its origin counts (GMAIL-NOTES §7). */
function rootUrlFrom(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError([`FOLLOWUP_GMAIL_ROOT_URL is not a URL: ${value}`]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError([`FOLLOWUP_GMAIL_ROOT_URL must be an http(s) URL: ${value}`]);
  }
  return `${url.origin}/`;
}

function staticTokenClient(env: Env, timeoutMs: number): gmail_v1.Gmail {
  const rootUrl = env.FOLLOWUP_GMAIL_ROOT_URL ? rootUrlFrom(env.FOLLOWUP_GMAIL_ROOT_URL) : undefined;
  const authClient = new auth.OAuth2();
  // An expiry far ahead: a static token is never refreshed, a 401 is final.
  authClient.setCredentials({ access_token: env.FOLLOWUP_GMAIL_ACCESS_TOKEN!, expiry_date: Date.now() + TEN_YEARS_MS });
  return client(authClient, timeoutMs, rootUrl);
}

function oauthClient(user: AuthorizedUser, path: string): InstanceType<typeof auth.OAuth2> {
  // setCredentials rather than the deprecated fromJSON (GMAIL-NOTES §6).
  const authClient = new auth.OAuth2({ clientId: user.client_id, clientSecret: user.client_secret });
  authClient.setCredentials({ refresh_token: user.refresh_token });
  authClient.on('tokens', (tokens) => {
    if (!tokens.refresh_token || tokens.refresh_token === user.refresh_token) return;
    // Failing to save is not fatal: the previous refresh token stays valid until Google revokes it.
    writeAuthorizedUser(path, { ...user, refresh_token: tokens.refresh_token }).catch(() => {});
  });
  return authClient;
}

/** The Gmail client for this run, built once in the CLI and passed in. FOLLOWUP_GMAIL_ACCESS_TOKEN
 *  (with FOLLOWUP_GMAIL_ROOT_URL, a local Gmail-compatible server) skips OAuth; otherwise the saved
 *  sign-in is loaded without ever opening a browser. */
export async function buildGmailClient(options: BuildGmailClientOptions): Promise<gmail_v1.Gmail> {
  const { env } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (env.FOLLOWUP_GMAIL_ACCESS_TOKEN) return staticTokenClient(env, timeoutMs);
  if (env.FOLLOWUP_GMAIL_ROOT_URL) {
    // Never send the user's real Google tokens to some other server.
    throw new ConfigError(['FOLLOWUP_GMAIL_ROOT_URL needs FOLLOWUP_GMAIL_ACCESS_TOKEN (a static token for that server).']);
  }
  const path = options.tokenPath ?? defaultTokenPath(env);
  const user = await readAuthorizedUser(path);
  if (user === undefined) throw new AuthError(NO_SIGN_IN);
  return client(oauthClient(user, path), timeoutMs);
}
