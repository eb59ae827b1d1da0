import { mkdir, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authCommand, GMAIL_SCOPES, runAuth, type Authenticate } from '../../src/commands/auth.ts';
import { AuthError, ConfigError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';

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

async function setup(clientFile: unknown = CLIENT_FILE) {
  const dir = await mkdtemp(join(tmpdir(), 'followup-auth-'));
  const credentialsPath = join(dir, 'credentials.json');
  await writeFile(credentialsPath, typeof clientFile === 'string' ? clientFile : JSON.stringify(clientFile));
  return { dir, credentialsPath, tokenPath: join(dir, 'config', 'interview-followup', 'token.json') };
}

const granting = (credentials: { refresh_token?: string | null; scope?: string | null }) => {
  const calls: { keyfilePath: string; scopes: string[] }[] = [];
  const authenticate: Authenticate = async (options) => {
    calls.push(options);
    return { credentials };
  };
  return { authenticate, calls };
};

describe('runAuth', () => {
  it('asks for read + compose only and saves the refresh token as authorized_user JSON, mode 0600', async () => {
    const { credentialsPath, tokenPath } = await setup();
    const { authenticate, calls } = granting({ refresh_token: '1//refresh', scope: GMAIL_SCOPES.join(' ') });
    const lines: string[] = [];
    await runAuth({ credentialsPath, tokenPath, log: (l) => lines.push(l), authenticate });
    expect(calls).toEqual([{ keyfilePath: credentialsPath, scopes: GMAIL_SCOPES }]);
    expect(GMAIL_SCOPES.some((s) => /send|modify|mail\.google\.com/.test(s))).toBe(false);
    expect(JSON.parse(await readFile(tokenPath, 'utf8'))).toEqual({
      type: 'authorized_user',
      client_id: '1234-abc.apps.googleusercontent.com',
      client_secret: 'GOCSPX-test',
      refresh_token: '1//refresh',
    });
    expect((await stat(tokenPath)).mode & 0o777).toBe(0o600);
    expect(lines.join('\n')).not.toContain('1//refresh');
  });

  it('fails loudly when Google returns no refresh token, pointing at the permissions page', async () => {
    const { credentialsPath, tokenPath } = await setup();
    const { authenticate } = granting({ refresh_token: null });
    const failure = await runAuth({ credentialsPath, tokenPath, log: () => {}, authenticate }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AuthError);
    expect((failure as Error).message).toContain('https://myaccount.google.com/permissions');
    await expect(stat(tokenPath)).rejects.toThrow();
  });

  it('refuses a sign-in where the user unticked a scope', async () => {
    const { credentialsPath, tokenPath } = await setup();
    const { authenticate } = granting({ refresh_token: '1//r', scope: GMAIL_SCOPES[0]! });
    await expect(runAuth({ credentialsPath, tokenPath, log: () => {}, authenticate })).rejects.toThrow(/gmail\.compose/);
  });

  it('checks the OAuth client file before opening a browser', async () => {
    for (const bad of ['not json', { web: { client_id: 'x' } }, { something: 'else' }]) {
      const { credentialsPath, tokenPath } = await setup(bad);
      const { authenticate, calls } = granting({ refresh_token: '1//r' });
      await expect(runAuth({ credentialsPath, tokenPath, log: () => {}, authenticate })).rejects.toBeInstanceOf(ConfigError);
      expect(calls).toEqual([]);
    }
  });

  it('reports a cancelled browser sign-in as an AuthError', async () => {
    const { credentialsPath, tokenPath } = await setup();
    const authenticate: Authenticate = async () => {
      throw new Error('access_denied');
    };
    await expect(runAuth({ credentialsPath, tokenPath, log: () => {}, authenticate })).rejects.toThrow(/did not complete \(access_denied\)/);
  });
});

describe('authCommand', () => {
  it('defaults both files to $XDG_CONFIG_HOME/interview-followup', async () => {
    const { dir } = await setup();
    const config = join(dir, 'xdg');
    const appDir = join(config, 'interview-followup');
    await mkdir(appDir, { recursive: true });
    await writeFile(join(appDir, 'credentials.json'), JSON.stringify(CLIENT_FILE));
    const { authenticate, calls } = granting({ refresh_token: '1//x' });
    const log = createLogger({ format: 'text', level: 'info', write: () => {} });
    await authCommand({ env: { XDG_CONFIG_HOME: config }, log, authenticate });
    expect(calls[0]?.keyfilePath).toBe(join(appDir, 'credentials.json'));
    expect(JSON.parse(await readFile(join(appDir, 'token.json'), 'utf8')).refresh_token).toBe('1//x');
  });
});
