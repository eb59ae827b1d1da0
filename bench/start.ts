// The start-up benchmark (issue 8 §1): wall time and peak RSS of the CLI as installed, i.e. the
// launcher bin/followup.js and the JavaScript built into dist/, for `--version` and the demo
// report, beside `node -e 0` and the source run by type stripping. Figures, not a test.
// Usage: npm run bench:start [-- --runs N] [--cli FILE]   (the script builds dist/ first)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const GNU_TIME = '/usr/bin/time';
const DEMO = ['report', '--config', 'fixtures/demo/config.jsonc', '--mbox', 'fixtures/demo/mailbox.mbox', '--now', '2026-11-24T09:00:00-05:00'];

interface Case {
  label: string;
  args: string[];
  maxSeconds?: number;
  maxRssMb?: number;
}

interface Run {
  seconds: number;
  /** User + system CPU, from GNU time (NaN without it): less swayed than wall time by a busy machine. */
  cpuSeconds: number;
  peakRssMb: number;
}

/** Runs `node args` once. Peak RSS: GNU time's %M (the kernel's maxrss) when there is one, else the
 *  child's VmHWM from /proc, sampled every 2 ms (which can miss the very end of a short run). */
function runOnce(args: string[], env: NodeJS.ProcessEnv, scratch: string): Promise<Run> {
  const timeFile = join(scratch, 'maxrss');
  const useTime = existsSync(GNU_TIME);
  const [command, argv] = useTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, process.execPath, ...args]]
    : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sampledKb = 0;
    const sample = (): void => {
      const match = /VmHWM:\s+(\d+) kB/.exec(readStatus(child.pid));
      if (match) sampledKb = Math.max(sampledKb, Number(match[1]));
    };
    const poll = useTime ? undefined : setInterval(sample, 2);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
      const [kb, user, system] = useTime ? readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [sampledKb, NaN, NaN];
      resolve({ seconds, cpuSeconds: user! + system!, peakRssMb: kb! / 1024 });
    });
  });
}

function readStatus(pid: number | undefined): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return ''; // exited already; keep the last sample
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function verdict(value: number, max: number | undefined, unit: string, digits: number): string {
  if (max === undefined) return '—';
  return `≤ ${max.toFixed(digits)}${unit} ${value <= max ? 'ok' : 'OVER'}`;
}

async function measure(c: Case, runs: number, env: NodeJS.ProcessEnv, scratch: string): Promise<string[]> {
  await runOnce(c.args, env, scratch); // warm the page cache
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(c.args, env, scratch));
  const seconds = median(results.map((r) => r.seconds));
  const cpu = median(results.map((r) => r.cpuSeconds));
  const rss = median(results.map((r) => r.peakRssMb));
  const maxRss = Math.max(...results.map((r) => r.peakRssMb));
  return [c.label, seconds.toFixed(3), verdict(seconds, c.maxSeconds, ' s', 2), Number.isNaN(cpu) ? '—' : cpu.toFixed(2), rss.toFixed(1), maxRss.toFixed(1), verdict(rss, c.maxRssMb, ' MB', 0)];
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   '));
}

const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, cli: { type: 'string', default: 'bin/followup.js' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a positive whole number');
const cli = values.cli;
const cases: Case[] = [
  { label: 'node -e 0 (the floor)', args: ['-e', '0'] },
  { label: `${cli} --version`, args: [cli, '--version'], maxSeconds: 0.15 },
  { label: `${cli} report (demo, table)`, args: [cli, ...DEMO], maxSeconds: 0.4, maxRssMb: 120 },
  { label: `${cli} report --json (demo)`, args: [cli, ...DEMO, '--json'] },
  { label: 'src/cli.ts report (demo, type stripping)', args: ['src/cli.ts', ...DEMO] },
];

const scratch = mkdtempSync(join(tmpdir(), 'followup-bench-start-'));
// Its own XDG dirs, so no real config, token or ledger is read; NO_COLOR so every run is alike.
const env = { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), XDG_STATE_HOME: join(scratch, 'state'), NO_COLOR: '1' };
const rssSource = existsSync(GNU_TIME) ? `${GNU_TIME} %M` : '/proc VmHWM sampled every 2 ms';
console.log(`start-up, Node ${process.version}, ${runs} runs each after one warm-up; medians; peak RSS from ${rssSource}`);
const rows = [['command', 'wall s', 'target', 'cpu s', 'peak MB', 'max MB', 'target']];
try {
  for (const c of cases) rows.push(await measure(c, runs, env, scratch));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
printTable(rows);
