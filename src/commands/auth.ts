import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { auth } from '@googleapis/gmail';
import { systemTimeZone } from '../config/time-zone.ts';
import { UsageError } from '../errors.ts';
import { defaultCredentialsPath, readOAuthClientFile } from '../gmail/credentials-file.ts';
import { durationText, startLoopbackRedirect } from '../gmail/loopback-redirect.ts';
import { checkGrant, exchangeCode, GMAIL_SCOPES, signedInAddress } from '../gmail/oauth-grant.ts';
import { newAuthorizedUser, writeAuthorizedUser } from '../gmail/token-file.ts';
import { formatInstant } from '../report/format-time.ts';
import { tokenPath as defaultTokenPath } from '../state/paths.ts';
import { canOpenBrowser, openWithSystemBrowser } from './open-browser.ts';

export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

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
  const tokens = await exchangeCode(client, code, codeVerifier, redirect.redirectUri);
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
    const when = formatInstant(result.expiresAt, systemTimeZone());
    print(`Your OAuth app is in Testing status, so Google ends this sign-in on ${when} (after 7 days).`);
    print('Publish the app (Google Auth Platform → Audience → Publish app) to keep it, or run `followup auth` again before then.');
  }
}
