import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { auth, gmail } from '@googleapis/gmail';
import { AuthError, GmailError, UsageError } from '../errors.ts';
import { defaultCredentialsPath, readOAuthClientFile } from '../gmail/credentials-file.ts';
import { describeGmailError } from '../gmail/error-info.ts';
import { durationText, startLoopbackRedirect } from '../gmail/loopback-redirect.ts';
import { newAuthorizedUser, writeAuthorizedUser, type TokenResponse } from '../gmail/token-file.ts';
import { formatInstant } from '../report/format-time.ts';
import { tokenPath as defaultTokenPath } from '../state/paths.ts';

/** The least that reads threads and creates drafts. gmail.compose also allows sending (no Gmail
 *  scope allows drafts without it): no code path here sends (GMAIL-NOTES §6). */
export const GMAIL_SCOPES = [
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/gmail.compose',
];

export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;
const PERMISSIONS_URL = 'https://myaccount.google.com/permissions';

type Env = Readonly<Record<string, string | undefined>>;
type OAuth2Client = InstanceType<typeof auth.OAuth2>;
type AuthUrlOptions = NonNullable<Parameters<OAuth2Client['generateAuthUrl']>[0]>;

export interface RunAuthOptions {
  /** The Desktop-app OAuth client file from Google Cloud Console. */
  credentialsPath: string;
  tokenPath: string;
  /** One line for the person at the terminal (stderr). */
  print: (line: string) => void;
  /** Opens the consent URL; never fails the sign-in. Undefined: only print it. */
  openBrowser?: (url: string) => Promise<void>;
  timeoutMs?: number;
  /** The loopback port (0 or undefined: any free port). */
  port?: number;
  now?: () => Date;
}

export interface SignedIn {
  email: string;
  /** When Google ends this sign-in (apps in Testing status), if it said. */
  expiresAt?: Date;
}

function missingScopes(scope: string | null | undefined): string[] {
  const granted = new Set((scope ?? '').split(/\s+/));
  return GMAIL_SCOPES.filter((s) => !granted.has(s));
}

function printInstructions(print: (line: string) => void, url: string, port: number, timeoutMs: number): void {
  print('followup asks Google for permission to read your mail and create drafts (it never sends).');
  print('Open this link in a browser and allow access:');
  print('');
  print(`  ${url}`);
  print('');
  print(`The browser must run on this machine: Google sends it back to http://127.0.0.1:${port}.`);
  print('Signed in to this machine over SSH? On your own computer, forward the port first, then open the link there:');
  print(`  ssh -L ${port}:127.0.0.1:${port} ${hostname()}`);
  print(`Waiting up to ${durationText(timeoutMs)}…`);
}

async function exchange(client: OAuth2Client, code: string, codeVerifier: string, redirectUri: string): Promise<TokenResponse> {
  try {
    const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
    return tokens as TokenResponse;
  } catch (error) {
    const info = describeGmailError(error);
    const why = [info.oauthError, info.message].filter(Boolean).join(': ').slice(0, 200);
    throw new AuthError(`Google refused the sign-in code (${why}). Run \`followup auth\` to try again.`);
  }
}

function checkGrant(tokens: TokenResponse): asserts tokens is TokenResponse & { refresh_token: string } {
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

async function signedInAddress(client: OAuth2Client): Promise<string> {
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

/** `followup auth`: the one interactive step. Our own loopback flow (PKCE, state, a deadline) so the
 *  consent URL is printed for any browser, and a sign-in nobody finishes ends. The refresh token is
 *  saved (mode 0600) so scheduled runs never need a browser; `run` never comes here. */
export async function runAuth(options: RunAuthOptions): Promise<SignedIn> {
  const clientFile = await readOAuthClientFile(options.credentialsPath);
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
  const client = new auth.OAuth2({ clientId: clientFile.client_id, clientSecret: clientFile.client_secret });
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const state = randomBytes(24).toString('base64url');
  const redirect = await startLoopbackRedirect({ state, timeoutMs, ...(options.port ? { port: options.port } : {}) });
  let code: string;
  try {
    const url = client.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: GMAIL_SCOPES,
      redirect_uri: redirect.redirectUri,
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256' as AuthUrlOptions['code_challenge_method'],
    });
    printInstructions(options.print, url, redirect.port, timeoutMs);
    await options.openBrowser?.(url).catch(() => {});
    code = await redirect.code;
  } finally {
    await redirect.close();
  }
  const tokens = await exchange(client, code, codeVerifier, redirect.redirectUri);
  checkGrant(tokens);
  const user = newAuthorizedUser(clientFile, tokens, now());
  await writeAuthorizedUser(options.tokenPath, user);
  client.setCredentials(tokens as Parameters<OAuth2Client['setCredentials']>[0]);
  const email = await signedInAddress(client);
  return { email, ...(user.refresh_token_expires_at ? { expiresAt: new Date(user.refresh_token_expires_at) } : {}) };
}

export interface AuthCommandOptions {
  /** --credentials; default $XDG_CONFIG_HOME/interview-followup/credentials.json. */
  credentialsPath?: string;
  /** Default $XDG_CONFIG_HOME/interview-followup/token.json. */
  tokenPath?: string;
  /** --port, as typed. */
  port?: string | number;
  /** --no-browser: only print the link. */
  browser?: boolean;
  env?: Env;
  print?: (line: string) => void;
}

/** A browser can open here: not over SSH, and on Linux only with a display (else xdg-open may start
 *  a text browser in this very terminal). */
export function canOpenBrowser(env: Env, platform: NodeJS.Platform = process.platform): boolean {
  if (env.SSH_CONNECTION || env.SSH_TTY) return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

async function openWithSystemBrowser(url: string): Promise<void> {
  const { default: open } = await import('open');
  const child = await open(url);
  child.on('error', () => {}); // no browser here: the printed link is enough
}

function portNumber(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new UsageError(`--port ${JSON.stringify(String(value))}: use a free port from 1024 to 65535`);
  return port;
}

/** `followup auth` as the CLI calls it: default paths, lines on stderr. */
export async function authCommand(options: AuthCommandOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const port = portNumber(options.port);
  const print = options.print ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const tokenPath = options.tokenPath ?? defaultTokenPath(env);
  const browser = options.browser !== false && canOpenBrowser(env);
  const result = await runAuth({
    credentialsPath: options.credentialsPath ?? defaultCredentialsPath(env),
    tokenPath,
    print,
    ...(browser ? { openBrowser: openWithSystemBrowser } : {}),
    ...(port ? { port } : {}),
  });
  print(`Signed in as ${result.email}. The sign-in is saved in ${tokenPath} (readable only by you).`);
  if (result.expiresAt) {
    const when = formatInstant(result.expiresAt, Intl.DateTimeFormat().resolvedOptions().timeZone);
    print(`Your OAuth app is in Testing status, so Google ends this sign-in on ${when} (after 7 days).`);
    print('Publish the app (Google Auth Platform → Audience → Publish app) to keep it, or run `followup auth` again before then.');
  }
}
