import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followup, ROOT, tempHome } from '../helpers/cli.ts';

// `followup auth` as a person meets it, in a child process: no browser is opened (--no-browser),
// so the test plays the browser from the printed link. The token exchange is tested offline in
// test/commands/auth.test.ts; here the consent is declined, so nothing leaves this machine.

const CLIENT = {
  installed: {
    client_id: '1234-abc.apps.googleusercontent.com',
    project_id: 'followup-test',
    client_secret: 'GOCSPX-test',
    redirect_uris: ['http://localhost'],
  },
};

describe('followup auth', () => {
  it('prints the link and how to forward the port before waiting; a declined consent exits 3', async () => {
    const home = await tempHome();
    const credentials = join(home.dir, 'credentials.json');
    await writeFile(credentials, JSON.stringify(CLIENT));
    const child = spawn(process.execPath, [join(ROOT, 'src/cli.ts'), 'auth', '--no-browser', '--credentials', credentials], {
      env: { ...process.env, ...home.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const link = await new Promise<URL>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const match = /^ {2}(https:\/\/accounts\.google\.com\/\S+)$/m.exec(stderr);
        if (match && stderr.includes('Waiting up to 5 minutes')) resolve(new URL(match[1]!));
      });
      child.on('close', () => reject(new Error(`exited before printing a link: ${stderr}`)));
    });
    const back = new URL(link.searchParams.get('redirect_uri')!);
    expect(stderr).toContain(`ssh -L ${back.port}:127.0.0.1:${back.port} `);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('state', link.searchParams.get('state')!);
    expect((await fetch(back)).status).toBe(200);
    expect(await exited).toBe(3);
    expect(stderr).toContain('followup: Google sign-in did not complete (access_denied). Run `followup auth` to try again.');
  });

  it('refuses the example credentials file as it ships, exit 2, before printing any link', async () => {
    const home = await tempHome();
    const result = await followup(['auth', '--no-browser', '--credentials', join(ROOT, 'credentials.example.json')], home.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds the placeholder client of credentials.example.json, not yours');
    expect(result.stderr).not.toContain('https://accounts.google.com');
  });

  it('says where it looked when there is no credentials file', async () => {
    const home = await tempHome();
    const result = await followup(['auth', '--no-browser'], home.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(home.env.XDG_CONFIG_HOME!, 'interview-followup/credentials.json')}: cannot read the OAuth client file (ENOENT)`);
    expect(JSON.parse(await readFile(join(ROOT, 'credentials.example.json'), 'utf8')).installed.redirect_uris).toEqual(['http://localhost']);
  });
});
