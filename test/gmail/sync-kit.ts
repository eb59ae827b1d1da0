// In-process runs of `followup run` and `followup report` against the local Gmail server, as the
// CLI makes them (gmailSource → runCommand / reportCommand), with their own XDG dirs: for the sync
// tests, which count every request a run makes.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gmailSource } from '../../src/commands/gmail-source.ts';
import { reportCommand } from '../../src/commands/report.ts';
import { runCommand, type RunResult } from '../../src/commands/run.ts';
import type { Config } from '../../src/config/types.ts';
import type { Decision } from '../../src/core/types.ts';
import { createLogger } from '../../src/log.ts';
import { stateDir } from '../../src/state/paths.ts';
import type { GmailServer, LogEntry } from '../helpers/gmail-server.ts';

export interface Harness {
  server: GmailServer;
  env: Record<string, string>;
  config: Config;
  /** Log lines of the last run or report. */
  lines: string[];
}

export async function harness(server: GmailServer, config: Config): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'followup-sync-'));
  const env = {
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    HOME: dir,
    FOLLOWUP_GMAIL_ROOT_URL: server.url,
    FOLLOWUP_GMAIL_ACCESS_TOKEN: server.token ?? 'any',
  };
  return { server, env, config, lines: [] };
}

export interface Options {
  full?: boolean;
  config?: Config;
  discardStale?: boolean;
}

function logger(h: Harness) {
  h.lines = [];
  return createLogger({ format: 'json', level: 'debug', write: (line) => h.lines.push(line) });
}

async function counted<T>(h: Harness, work: () => Promise<T>): Promise<{ value: T; requests: LogEntry[] }> {
  const before = h.server.log.length;
  const value = await work();
  return { value, requests: h.server.log.slice(before) };
}

/** `followup run` (Gmail): leaves drafts, saves the sync state. */
export function gmailRun(h: Harness, now: Date, options: Options = {}): Promise<{ value: RunResult; requests: LogEntry[] }> {
  const config = options.config ?? h.config;
  return counted(h, async () => {
    const log = logger(h);
    const source = await gmailSource({ config, log, env: h.env, write: true, full: options.full, clock: () => now });
    return runCommand({ config, source, stateDir: stateDir(h.env), now, wait: false, log, discardStale: options.discardStale ?? false });
  });
}

/** `followup report` (Gmail): reads (on from the sync state unless `full`), writes nothing. */
export function gmailReport(h: Harness, now: Date, options: Options = {}): Promise<{ value: Decision; requests: LogEntry[] }> {
  const config = options.config ?? h.config;
  return counted(h, async () => {
    const log = logger(h);
    const source = await gmailSource({ config, log, env: h.env, write: false, full: options.full, clock: () => now });
    return reportCommand({ config, source, stateDir: stateDir(h.env), now, discardStale: options.discardStale ?? false });
  });
}

export function units(requests: readonly LogEntry[]): number {
  return requests.reduce((sum, r) => sum + r.units, 0);
}

export function apis(requests: readonly LogEntry[]): string[] {
  return requests.map((r) => r.api ?? `${r.method} ${r.path}`);
}

/** A decision without what says how it was read: what must not differ between a full and an
 *  incremental read. */
export function withoutSync(decision: Decision): Decision {
  const { sync: _sync, ...rest } = decision;
  return rest;
}
