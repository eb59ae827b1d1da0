import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authCommand, runAuth, type RunAuthOptions } from '../../src/commands/auth.ts';
import { canOpenBrowser } from '../../src/commands/open-browser.ts';
import { AuthError, EXIT, GmailError } from '../../src/errors.ts';
import { CredentialsFileError } from '../../src/gmail/credentials-file.ts';
import { GMAIL_SCOPES } from '../../src/gmail/oauth-grant.ts';
import { ROOT } from '../helpers/cli.ts';

// The whole loopback sign-in offline: nock stands in for Google's token endpoint and Gmail, and the
// test is the browser, following the printed consent URL's redirect_uri with a code.

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const CLIENT_FILE = {
  installed: {
    client_id: '1234-abc.apps.googleusercontent.com',
    project_id: 'followup-test',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    client_secret: 'GOCSPX-test',
    redirect_uris: ['http://localhost'],
  },
};
const NOW = new Date('2026-11-24T09:00:00Z');
const WEEK_S = 604_799;

async function setup(clientFile: unknown = CLIENT_FILE) {
  const dir = await mkdtemp(join(tmpdir(), 'followup-auth-'));
  const credentialsPath = join(dir, 'credentials.json');
  await writeFile(credentialsPath, typeof clientFile === 'string' ? clientFile : JSON.stringify(clientFile));
  return { dir, credentialsPath, tokenPath: join(dir, 'config', 'interview-followup', 'token.json') };
}

/** The terminal and the browser: collects printed lines, and resolves with the consent URL once printed. */
function terminal() {
  const lines: string[] = [];
  let seen: (url: URL) => void = () => {};
  const consentUrl = new Promise<URL>((resolve) => {
    seen = resolve;
  });
  const linesWhenBrowserOpened: string[][] = [];
  return {
    lines,
    consentUrl,
    print: (line: string) => {
      lines.push(line);
      const match = /^\s+(https:\/\/accounts\.google\.com\/\S+)$/.exec(line);
      if (match) seen(new URL(match[1]!));
    },
    openBrowser: async (url: string) => {
      linesWhenBrowserOpened.push([...lines]);
      expect(url).toMatch(/^https:\/\/accounts\.google\.com\//);
    },
    linesWhenBrowserOpened,
  };
}

/** The browser coming back from Google to the printed redirect_uri. */
async function comeBack(consent: URL, params: Record<string, string>): Promise<Response> {
  const back = new URL(consent.searchParams.get('redirect_uri')!);
  for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
  return fetch(back);
}

function googleGrants(reply: Record<string, unknown>, seen: Record<string, string>[] = []) {
  return nock('https://oauth2.googleapis.com')
    .post('/token', (body: Record<string, string>) => {
      seen.push(body);
      return body.grant_type === 'authorization_code' && body.code === '4/the-code';
    })
    .reply(200, { access_token: 'ya29.fresh', expires_in: 3599, token_type: 'Bearer', ...reply });
}

function gmailProfile(status = 200, body: unknown = { emailAddress: 'alex.doe@example.com', historyId: '1' }) {
  return nock('https://gmail.googleapis.com', { reqheaders: { authorization: 'Bearer ya29.fresh' } })
    .get('/gmail/v1/users/me/profile')
    .reply(status, body as Record<string, unknown>);
}

/** Starts the sign-in; its failure is awaited later, after the test has played the browser. */
function start(paths: { credentialsPath: string; tokenPath: string }, t: ReturnType<typeof terminal>, extra: Partial<RunAuthOptions> = {}) {
  const signIn = runAuth({ ...paths, print: t.print, openBrowser: t.openBrowser, now: () => NOW, ...extra });
  signIn.catch(() => {});
  return signIn;
}

const ALL_SCOPES = GMAIL_SCOPES.join(' ');

describe('runAuth: the loopback sign-in', () => {
  it('prints the consent URL before opening a browser, exchanges the code with PKCE, and saves the dates', async () => {
    const paths = await setup();
    const t = terminal();
    const bodies: Record<string, string>[] = [];
    const token = googleGrants({ refresh_token: '1//refresh', scope: ALL_SCOPES, refresh_token_expires_in: WEEK_S }, bodies);
    const profile = gmailProfile();
    const signIn = start(paths, t);
    const consent = await t.consentUrl;

    const q = consent.searchParams;
    expect(q.get('access_type')).toBe('offline');
    expect(q.get('prompt')).toBe('consent');
    expect(q.get('scope')).toBe(ALL_SCOPES);
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('client_id')).toBe('1234-abc.apps.googleusercontent.com');
    const redirect = new URL(q.get('redirect_uri')!);
    expect(redirect.hostname).toBe('127.0.0.1');
    const port = redirect.port;
    expect(t.lines).toContain(`  ssh -L ${port}:127.0.0.1:${port} ${(await import('node:os')).hostname()}`);
    expect(t.linesWhenBrowserOpened).toHaveLength(1);
    expect(t.linesWhenBrowserOpened[0]!.some((l) => l.includes(consent.href))).toBe(true);

    const page = await comeBack(consent, { code: '4/the-code', state: q.get('state')!, scope: ALL_SCOPES });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You can close this tab');
    await expect(signIn).resolves.toEqual({ email: 'alex.doe@example.com', expiresAt: new Date(NOW.getTime() + WEEK_S * 1000) });
    expect(token.isDone() && profile.isDone()).toBe(true);

    const verifier = bodies[0]!.code_verifier!;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(q.get('code_challenge'));
    expect(bodies[0]!.redirect_uri).toBe(q.get('redirect_uri'));
    expect(JSON.parse(await readFile(paths.tokenPath, 'utf8'))).toEqual({
      type: 'authorized_user',
      client_id: '1234-abc.apps.googleusercontent.com',
      client_secret: 'GOCSPX-test',
      refresh_token: '1//refresh',
      issued_at: NOW.toISOString(),
      refresh_token_expires_in: WEEK_S,
      refresh_token_expires_at: new Date(NOW.getTime() + WEEK_S * 1000).toISOString(),
      scope: ALL_SCOPES,
    });
    expect((await stat(paths.tokenPath)).mode & 0o777).toBe(0o600);
    expect(t.lines.join('\n')).not.toContain('1//refresh');
    // The one-shot server is gone.
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('refuses a redirect carrying another state and keeps waiting for the right one', async () => {
    const paths = await setup();
    const t = terminal();
    googleGrants({ refresh_token: '1//r', scope: ALL_SCOPES });
    gmailProfile();
    const signIn = start(paths, t);
    const consent = await t.consentUrl;
    const forged = await comeBack(consent, { code: '4/forged', state: 'someone-else' });
    expect(forged.status).toBe(400);
    expect((await comeBack(consent, { code: '4/the-code', state: consent.searchParams.get('state')! })).status).toBe(200);
    await expect(signIn).resolves.toMatchObject({ email: 'alex.doe@example.com' });
    expect(JSON.parse(await readFile(paths.tokenPath, 'utf8'))).not.toHaveProperty('refresh_token_expires_at');
  });

  it('gives up when nobody answers before the deadline (injected: 300 ms)', async () => {
    const paths = await setup();
    const t = terminal();
    const failure = await start(paths, t, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AuthError);
    expect((failure as AuthError).exitCode).toBe(EXIT.auth);
    expect((failure as Error).message).toBe('No answer from the browser within 300 ms: sign-in abandoned. Run `followup auth` to try again.');
    const redirect = new URL((await t.consentUrl).searchParams.get('redirect_uri')!);
    await expect(fetch(redirect)).rejects.toThrow();
    await expect(stat(paths.tokenPath)).rejects.toThrow();
  });

  it('reports a declined consent (error=access_denied) as an AuthError', async () => {
    const paths = await setup();
    const t = terminal();
    const signIn = start(paths, t);
    const consent = await t.consentUrl;
    await comeBack(consent, { error: 'access_denied', state: consent.searchParams.get('state')! });
    await expect(signIn).rejects.toThrow(/did not complete \(access_denied\)/);
  });

  it('fails loudly when Google returns no refresh token, and when a scope was unticked', async () => {
    for (const [reply, message] of [
      [{ scope: ALL_SCOPES }, /https:\/\/myaccount\.google\.com\/permissions/],
      [{ refresh_token: '1//r', scope: GMAIL_SCOPES[0]! }, /did not allow https:\/\/www\.googleapis\.com\/auth\/gmail\.compose/],
    ] as const) {
      const paths = await setup();
      const t = terminal();
      googleGrants(reply);
      const signIn = start(paths, t);
      const consent = await t.consentUrl;
      await comeBack(consent, { code: '4/the-code', state: consent.searchParams.get('state')! });
      const failure = await signIn.catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(AuthError);
      expect((failure as Error).message).toMatch(message);
      await expect(stat(paths.tokenPath)).rejects.toThrow();
    }
  });

  it('says what Google said when it refuses the code', async () => {
    const paths = await setup();
    const t = terminal();
    nock('https://oauth2.googleapis.com').post('/token').reply(400, { error: 'invalid_grant', error_description: 'Bad Request' });
    const signIn = start(paths, t);
    const consent = await t.consentUrl;
    await comeBack(consent, { code: '4/old', state: consent.searchParams.get('state')! });
    await expect(signIn).rejects.toThrow(/Google refused the sign-in code \(invalid_grant: Bad Request\)/);
  });

  it('keeps the sign-in but says to enable the Gmail API when getProfile says it is disabled', async () => {
    const paths = await setup();
    const t = terminal();
    googleGrants({ refresh_token: '1//r', scope: ALL_SCOPES });
    gmailProfile(403, {
      error: { code: 403, message: 'Gmail API has not been used in project 1234 before or it is disabled.', status: 'PERMISSION_DENIED', errors: [{ reason: 'accessNotConfigured' }] },
    });
    const signIn = start(paths, t);
    const consent = await t.consentUrl;
    await comeBack(consent, { code: '4/the-code', state: consent.searchParams.get('state')! });
    const failure = await signIn.catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GmailError);
    expect((failure as Error).message).toMatch(/Gmail API is not enabled/);
    expect(JSON.parse(await readFile(paths.tokenPath, 'utf8')).refresh_token).toBe('1//r');
  });
});

describe('the OAuth client file is checked before anything starts', () => {
  const installed = CLIENT_FILE.installed;
  const cases: [string, unknown, RegExp][] = [
    ['the example file as shipped', 'EXAMPLE', /placeholder client of credentials\.example\.json/],
    ['a Web application client', { web: installed }, /"Web application" OAuth client/],
    ['a redirect URI off this machine', { installed: { ...installed, redirect_uris: ['https://example.com/cb'] } }, /do not point at this machine/],
    ['a service-account key', { type: 'service_account', client_email: 'x@y.iam.gserviceaccount.com' }, /service-account key/],
    ['a saved token', { type: 'authorized_user', client_id: 'x', client_secret: 'y', refresh_token: 'z' }, /saved sign-in \(a token\)/],
    ['something else', { something: 'else' }, /not a Google OAuth client file/],
    ['a client id that is not Google’s', { installed: { ...installed, client_id: 'abc' } }, /is not a Google OAuth client id/],
    ['no secret', { installed: { ...installed, client_secret: '' } }, /no client_id or client_secret/],
    ['not JSON', 'not json', /is not JSON/],
  ];
  for (const [name, file, message] of cases) {
    it(`refuses ${name} (exit 2)`, async () => {
      const content = file === 'EXAMPLE' ? await readFile(join(ROOT, 'credentials.example.json'), 'utf8') : file;
      const paths = await setup(content);
      const t = terminal();
      const failure = await start(paths, t).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(CredentialsFileError);
      expect((failure as CredentialsFileError).exitCode).toBe(EXIT.config);
      expect((failure as Error).message).toMatch(message);
      expect(t.lines).toEqual([]);
    });
  }

  it('refuses a missing file, saying where it looked', async () => {
    const { dir, tokenPath } = await setup();
    const t = terminal();
    const missing = join(dir, 'nope.json');
    await expect(start({ credentialsPath: missing, tokenPath }, t)).rejects.toThrow(`${missing}: cannot read the OAuth client file (ENOENT)`);
  });
});

describe('authCommand', () => {
  it('defaults both files to $XDG_CONFIG_HOME/interview-followup and says when the app is in Testing', async () => {
    const { dir } = await setup();
    const appDir = join(dir, 'xdg', 'interview-followup');
    await mkdir(appDir, { recursive: true });
    await writeFile(join(appDir, 'credentials.json'), JSON.stringify(CLIENT_FILE));
    const t = terminal();
    googleGrants({ refresh_token: '1//x', scope: ALL_SCOPES, refresh_token_expires_in: WEEK_S });
    gmailProfile();
    const done = authCommand({ env: { XDG_CONFIG_HOME: join(dir, 'xdg') }, print: t.print });
    done.catch(() => {});
    const consent = await t.consentUrl;
    await comeBack(consent, { code: '4/the-code', state: consent.searchParams.get('state')! });
    await done;
    expect(JSON.parse(await readFile(join(appDir, 'token.json'), 'utf8')).refresh_token).toBe('1//x');
    const said = t.lines.join('\n');
    expect(said).toContain(`Signed in as alex.doe@example.com. The sign-in is saved in ${join(appDir, 'token.json')}`);
    expect(said).toMatch(/OAuth app is in Testing status, so Google ends this sign-in on \w{3} \w{3} \d+ \d\d:\d\d \(after 7 days\)/);
  });

  it('refuses a --port outside 1024–65535 as a usage error', async () => {
    await expect(authCommand({ port: '80', env: {}, print: () => {} })).rejects.toMatchObject({ exitCode: EXIT.usage });
  });
});

describe('canOpenBrowser', () => {
  it('never over SSH, on Linux only with a display', () => {
    expect(canOpenBrowser({ SSH_CONNECTION: '10.0.0.1 5 10.0.0.2 22', DISPLAY: ':0' }, 'linux')).toBe(false);
    expect(canOpenBrowser({ SSH_TTY: '/dev/pts/1' }, 'darwin')).toBe(false);
    expect(canOpenBrowser({}, 'linux')).toBe(false);
    expect(canOpenBrowser({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(canOpenBrowser({ WAYLAND_DISPLAY: 'wayland-0' }, 'freebsd')).toBe(true);
    expect(canOpenBrowser({}, 'darwin')).toBe(true);
  });
});
