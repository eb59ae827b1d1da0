import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRuns } from '../../src/state/run-history.ts';
import { DEMO_CONFIG, DEMO_NOW, followup, tempHome } from '../helpers/cli.ts';
import { startGmailServer } from '../helpers/gmail-server.ts';
import { closedPort } from '../helpers/ports.ts';

// What a new user sees when the Gmail address is wrong or the token is: a few lines that say
// which, quickly, and a run history that remembers the failure for `followup status`.

describe('followup run when Gmail cannot be reached or refuses the token', () => {
  it('a refused connection: the first retry line names the URL, two quick retries, one final line, exit 4', async () => {
    const home = await tempHome();
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/gmail/v1/users/me/profile`;
    const result = await followup(['run', '--config', DEMO_CONFIG, '--now', DEMO_NOW], {
      ...home.env, FOLLOWUP_GMAIL_ROOT_URL: `http://127.0.0.1:${port}/`, FOLLOWUP_GMAIL_ACCESS_TOKEN: 'x',
    });
    expect(result.code).toBe(4);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^WARN  gmail retry what=getProfile code=ECONNREFUSED url=${url} attempt=1 delayMs=\\d+$`));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(`followup: Gmail getProfile failed after 3 attempts: nothing answers at ${url} (connection refused).`);
    const runs = await readRuns(join(home.env.XDG_STATE_HOME!, 'interview-followup'));
    expect(runs).toEqual([expect.objectContaining({ exitCode: 4, outcome: 'gmail', source: 'gmail' })]);
  });

  it('a refused static token says that this token was refused, exit 3', async () => {
    const server = await startGmailServer();
    try {
      const home = await tempHome();
      const result = await followup(['run', '--config', DEMO_CONFIG, '--now', DEMO_NOW], {
        ...home.env, FOLLOWUP_GMAIL_ROOT_URL: server.url, FOLLOWUP_GMAIL_ACCESS_TOKEN: 'wrong-token',
      });
      expect(result.code).toBe(3);
      expect(result.stderr.trim()).toBe(
        'followup: Gmail refused the token in FOLLOWUP_GMAIL_ACCESS_TOKEN (401): that token is wrong or expired. Set a valid one, or unset the variable to use your `followup auth` sign-in.',
      );
    } finally {
      await server.close();
    }
  });
});
