import { access, chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, followup, ROOT, tempHome } from '../helpers/cli.ts';

// `followup schedule --install` on a Linux box whose user systemd answers: a fake `systemctl` on
// PATH records what it is asked, so the real service manager is never touched.

async function fakeSystemctl(dir: string): Promise<{ bin: string; calls: string }> {
  const bin = join(dir, 'bin');
  const calls = join(dir, 'systemctl-calls.txt');
  await mkdir(bin);
  await writeFile(join(bin, 'systemctl'), `#!/bin/sh\necho "$*" >> '${calls}'\nexit 0\n`);
  await chmod(join(bin, 'systemctl'), 0o755);
  return { bin, calls };
}

describe('followup schedule with systemd', () => {
  it('is the default where `systemctl --user` works; --install writes the units and enables the timer; --uninstall undoes it', async () => {
    const home = await tempHome();
    const { bin, calls } = await fakeSystemctl(home.dir);
    const env = { ...home.env, PATH: `${bin}:/usr/bin:/bin` };
    const unitDir = join(home.env.XDG_CONFIG_HOME!, 'systemd/user');

    const printed = await followup(['schedule', '--every', '2h', '--config', DEMO_CONFIG], env);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toContain(`# ${join(unitDir, 'interview-followup.service')}\n[Unit]`);
    expect(printed.stdout).toContain('OnCalendar=*-*-* 00/2:00:00\nPersistent=true');
    await expect(access(unitDir)).rejects.toThrow();

    const installed = await followup(['schedule', '--install', '--every', '2h', '--config', DEMO_CONFIG], env);
    expect(installed.code, installed.stderr).toBe(0);
    const service = await readFile(join(unitDir, 'interview-followup.service'), 'utf8');
    expect(service).toContain(`Environment="XDG_CONFIG_HOME=${home.env.XDG_CONFIG_HOME}"`);
    expect(service).toContain(`ExecStart="${process.execPath}" "${join(ROOT, 'src/cli.ts')}" "run" "--config" "${DEMO_CONFIG}"`);
    expect(await readFile(join(unitDir, 'interview-followup.timer'), 'utf8')).toContain('Persistent=true');
    await access(join(home.env.XDG_STATE_HOME!, 'interview-followup/logs'));

    const removed = await followup(['schedule', '--uninstall'], env);
    expect(removed.code, removed.stderr).toBe(0);
    await expect(access(join(unitDir, 'interview-followup.service'))).rejects.toThrow();
    expect((await readFile(calls, 'utf8')).trim().split('\n')).toEqual([
      '--user show-environment',
      '--user show-environment',
      '--user daemon-reload',
      '--user enable --now interview-followup.timer',
      '--user show-environment',
      '--user disable --now interview-followup.timer',
      '--user daemon-reload',
    ]);
  });
});
