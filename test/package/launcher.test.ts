// bin/followup.js on a Node older than 22: one line naming the Node it needs, exit 1, no stack trace.
// The machine's own older Node runs it when there is one (/usr/bin/node); a faked
// process.versions.node (set before the launcher runs) checks the same logic on any machine.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.ts';
import { runCommand, userEnv } from './run-command.ts';

const LAUNCHER = join(ROOT, 'bin', 'followup.js');
const SYSTEM_NODE = '/usr/bin/node';

interface OlderNode {
  label: string;
  command: string;
  args: string[];
  version: string;
}

function faked(version: string): OlderNode {
  const code = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });`;
  return { label: `Node ${version} (faked)`, command: process.execPath, args: ['--import', `data:text/javascript,${encodeURIComponent(code)}`], version };
}

function systemNode(): OlderNode[] {
  if (!existsSync(SYSTEM_NODE)) return [];
  const version = execFileSync(SYSTEM_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
  return Number(version.split('.')[0]) < 22 ? [{ label: `Node ${version} (${SYSTEM_NODE})`, command: SYSTEM_NODE, args: [], version }] : [];
}

const OLDER_NODES = [...systemNode(), faked('21.7.3'), faked('18.20.4')];

describe('the launcher on an older Node', () => {
  it.each(OLDER_NODES)('$label: one line, exit 1', async ({ command, args, version }) => {
    const home = await tempHome();
    const result = await runCommand(command, [...args, LAUNCHER, 'report', '--json'], { cwd: home.dir, env: userEnv(home.env) });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `followup needs Node ≥ 22; this is Node ${version} — install Node 22 or newer (https://nodejs.org)\n`,
    });
  });
});
