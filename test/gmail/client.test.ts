import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthError, ConfigError } from '../../src/errors.ts';
import { buildGmailClient, STATIC_TOKEN_REFUSED } from '../../src/gmail/client.ts';
import { createGmailLimiter } from '../../src/gmail/limiter.ts';
import { gmailProfile } from '../../src/gmail/profile.ts';
import { startGmailServer } from '../helpers/gmail-server.ts';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const TOKEN = { type: 'authorized_user', client_id: 'cid.apps.googleusercontent.com', client_secret: 'secret', refresh_token: '1//old' };

async function tokenFile(content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'followup-client-')), 'token.json');
  await writeFile(path, content, { mode: 0o600 });
  return path;
}

describe('buildGmailClient with FOLLOWUP_GMAIL_ROOT_URL and FOLLOWUP_GMAIL_ACCESS_TOKEN', () => {
  it('talks to the local server with the static bearer token, never to Google', async () => {
    const server = await startGmailServer({ token: 'local-secret', userEmail: 'sam@example.com' });
    try {
      const env = { FOLLOWUP_GMAIL_ROOT_URL: `${server.url}ignored/path`, FOLLOWUP_GMAIL_ACCESS_TOKEN: 'local-secret' };
      const { data } = await (await buildGmailClient({ env })).users.getProfile({ userId: 'me' });
      expect(data.emailAddress).toBe('sam@example.com');
      // A refused static token is that token's fault: `followup auth` would not help.
      const wrong = await buildGmailClient({ env: { ...env, FOLLOWUP_GMAIL_ACCESS_TOKEN: 'nope' } });
      const failure = await wrong.users.getProfile({ userId: 'me' }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(AuthError);
      expect((failure as Error).message).toBe(STATIC_TOKEN_REFUSED);
      expect(STATIC_TOKEN_REFUSED).toContain('FOLLOWUP_GMAIL_ACCESS_TOKEN');
      expect(STATIC_TOKEN_REFUSED).not.toMatch(/Run `followup auth`/);
    } finally {
      await server.close();
    }
  });

  it('refuses a root URL without a static token, so real Google tokens never go elsewhere', async () => {
    await expect(buildGmailClient({ env: { FOLLOWUP_GMAIL_ROOT_URL: 'http://127.0.0.1:9/' } })).rejects.toBeInstanceOf(ConfigError);
    await expect(
      buildGmailClient({ env: { FOLLOWUP_GMAIL_ROOT_URL: 'file:///etc', FOLLOWUP_GMAIL_ACCESS_TOKEN: 'x' } }),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('buildGmailClient with the saved sign-in', () => {
  it('asks for `followup auth` when there is no sign-in or it is garbled', async () => {
    const missing = join(tmpdir(), 'followup-no-such-dir', 'token.json');
    await expect(buildGmailClient({ env: {}, tokenPath: missing })).rejects.toThrow(/Run `followup auth`/);
    await expect(buildGmailClient({ env: {}, tokenPath: await tokenFile('{"type":"authorized_user"}') })).rejects.toBeInstanceOf(AuthError);
  });

  it('defaults to $XDG_CONFIG_HOME/interview-followup/token.json', async () => {
    const home = await mkdtemp(join(tmpdir(), 'followup-xdg-'));
    await expect(buildGmailClient({ env: { XDG_CONFIG_HOME: home } })).rejects.toBeInstanceOf(AuthError);
  });

  it('refreshes the access token without a browser and saves a rotated refresh token with mode 0600', async () => {
    const path = await tokenFile(JSON.stringify(TOKEN));
    const now = new Date('2026-11-24T09:00:00Z');
    const oauth = nock('https://oauth2.googleapis.com')
      .post('/token', (body: Record<string, string>) => body.grant_type === 'refresh_token' && body.refresh_token === '1//old')
      .reply(200, { access_token: 'ya29.fresh', expires_in: 3599, refresh_token: '1//new', token_type: 'Bearer' });
    const gmail = nock('https://gmail.googleapis.com', { reqheaders: { authorization: 'Bearer ya29.fresh' } })
      .get('/gmail/v1/users/me/profile')
      .reply(200, { emailAddress: 'sam@example.com' });
    const client = await buildGmailClient({ env: {}, tokenPath: path, now: () => now });
    expect((await client.users.getProfile({ userId: 'me' })).data.emailAddress).toBe('sam@example.com');
    expect(oauth.isDone() && gmail.isDone()).toBe(true);
    await vi.waitFor(async () => expect(JSON.parse(await readFile(path, 'utf8')).refresh_token).toBe('1//new'));
    // A rotated refresh token is a new one: issued now.
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ ...TOKEN, refresh_token: '1//new', issued_at: now.toISOString(), last_refresh_at: now.toISOString() });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});

describe('gmailProfile', () => {
  it('names the signed-in mailbox, lower-cased', async () => {
    const server = await startGmailServer({ userEmail: 'Sam@Example.com' });
    try {
      const gmail = await buildGmailClient({ env: { FOLLOWUP_GMAIL_ROOT_URL: server.url, FOLLOWUP_GMAIL_ACCESS_TOKEN: 'test-token' } });
      expect((await gmailProfile(gmail, createGmailLimiter())).email).toBe('sam@example.com');
      expect(server.countByApi()).toEqual({ getProfile: 1 });
    } finally {
      await server.close();
    }
  });
});

describe('the token file records the sign-in’s dates', () => {
  const issued = '2026-11-20T08:00:00.000Z';
  const now = new Date('2026-11-24T09:00:00Z');

  it('stamps each refresh, and the lifetime Google gives the refresh token (Testing apps), keeping the rest', async () => {
    const saved = { ...TOKEN, issued_at: issued, refresh_token_expires_in: 604_799, refresh_token_expires_at: '2026-11-27T07:59:59.000Z' };
    const path = await tokenFile(JSON.stringify(saved));
    nock('https://oauth2.googleapis.com')
      .post('/token')
      .reply(200, { access_token: 'ya29.a', expires_in: 3599, token_type: 'Bearer', refresh_token_expires_in: 255_599 });
    nock('https://gmail.googleapis.com').get('/gmail/v1/users/me/profile').reply(200, { emailAddress: 'sam@example.com' });
    const client = await buildGmailClient({ env: {}, tokenPath: path, now: () => now });
    await client.users.getProfile({ userId: 'me' });
    await vi.waitFor(async () => expect(JSON.parse(await readFile(path, 'utf8')).last_refresh_at).toBe(now.toISOString()));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({
      ...saved,
      last_refresh_at: now.toISOString(),
      refresh_token_expires_in: 255_599,
      refresh_token_expires_at: new Date(now.getTime() + 255_599_000).toISOString(),
    });
  });

  it('reads a token file from before the dates were recorded, or with garbled dates, as a working sign-in', async () => {
    const { readAuthorizedUser } = await import('../../src/gmail/token-file.ts');
    expect(await readAuthorizedUser(await tokenFile(JSON.stringify(TOKEN)))).toEqual(TOKEN);
    const garbled = { ...TOKEN, issued_at: 'yesterday', refresh_token_expires_in: 'soon', last_refresh_at: 5 };
    expect(await readAuthorizedUser(await tokenFile(JSON.stringify(garbled)))).toEqual(TOKEN);
  });
});
