import { auth, gmail, type gmail_v1 } from '@googleapis/gmail';
import { AuthError, ConfigError } from '../errors.ts';
import { tokenPath as defaultTokenPath } from '../state/paths.ts';
import { describeGmailError } from './error-info.ts';
import { afterRefresh, readAuthorizedUser, writeAuthorizedUser, type AuthorizedUser, type TokenResponse } from './token-file.ts';

type Env = Readonly<Record<string, string | undefined>>;

export interface BuildGmailClientOptions {
  env: Env;
  /** The saved sign-in; defaults to $XDG_CONFIG_HOME/interview-followup/token.json. */
  tokenPath?: string;
  /** Per-request timeout (ms). gaxios has none by default. */
  timeoutMs?: number;
  /** The clock that stamps a refresh in the token file (tests). */
  now?: () => Date;
}

export const STATIC_TOKEN_REFUSED =
  'Gmail refused the token in FOLLOWUP_GMAIL_ACCESS_TOKEN (401): that token is wrong or expired. ' +
  'Set a valid one, or unset the variable to use your `followup auth` sign-in.';

const NO_SIGN_IN = 'You are not signed in to Google yet. Run `followup auth`.';
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

// gaxios retries GETs on its own (3 times, no jitter, ignoring Retry-After, never 403 rate limits):
// turned off so src/gmail/retry.ts is the one retry policy (docs/gmail.md §4).
function client(authClient: InstanceType<typeof auth.OAuth2>, timeoutMs: number, rootUrl?: string): gmail_v1.Gmail {
  return gmail({ version: 'v1', auth: authClient, retry: false, timeout: timeoutMs, ...(rootUrl ? { rootUrl } : {}) });
}

/** FOLLOWUP_GMAIL_ROOT_URL must be an http(s) URL; only its origin counts (docs/gmail.md §7). */
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

type OAuth2Client = InstanceType<typeof auth.OAuth2>;

/** A static bearer token cannot be refreshed or re-consented: a 401 means this very token was
 *  refused, which `followup auth` would not fix. Thrown as a FollowupError, retry.ts passes it on.
 *  googleapis calls `authClient.request(options)` for every API request. */
function refusingStaticToken(authClient: OAuth2Client): OAuth2Client {
  const request = authClient.request.bind(authClient) as (opts: unknown) => Promise<unknown>;
  const wrapped = async (opts: unknown) => {
    try {
      return await request(opts);
    } catch (error) {
      if (describeGmailError(error).status === 401) throw new AuthError(STATIC_TOKEN_REFUSED);
      throw error;
    }
  };
  return Object.assign(authClient, { request: wrapped as OAuth2Client['request'] });
}

function staticTokenClient(env: Env, timeoutMs: number): gmail_v1.Gmail {
  const rootUrl = env.FOLLOWUP_GMAIL_ROOT_URL ? rootUrlFrom(env.FOLLOWUP_GMAIL_ROOT_URL) : undefined;
  const authClient = refusingStaticToken(new auth.OAuth2());
  // An expiry far ahead: a static token is never refreshed, a 401 is final.
  authClient.setCredentials({ access_token: env.FOLLOWUP_GMAIL_ACCESS_TOKEN!, expiry_date: Date.now() + TEN_YEARS_MS });
  return client(authClient, timeoutMs, rootUrl);
}

function oauthClient(user: AuthorizedUser, path: string, now: () => Date): OAuth2Client {
  // setCredentials rather than the deprecated fromJSON (docs/gmail.md §6).
  const authClient = new auth.OAuth2({ clientId: user.client_id, clientSecret: user.client_secret });
  authClient.setCredentials({ refresh_token: user.refresh_token });
  let saved = user;
  authClient.on('tokens', (tokens) => {
    // Each refresh is recorded (`followup status` shows it), with a rotated refresh token if any.
    // Failing to save is not fatal: the previous refresh token stays valid until Google revokes it.
    saved = afterRefresh(saved, tokens as TokenResponse, now());
    writeAuthorizedUser(path, saved).catch(() => {});
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
  return client(oauthClient(user, path, options.now ?? (() => new Date())), timeoutMs);
}
