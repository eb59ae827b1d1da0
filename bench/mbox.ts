// The mbox benchmark (issue 2 §8): `report` on a ~1 GB Takeout-style mbox against the floor of
// `grep -c '^From '` on the same file. Targets: at most 4x grep's time, peak RSS at most 256 MB.
// Usage: node bench/mbox.ts [--size-mb N]   (the file is made once and cached in bench/out/)
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchConfig } from './bench-config.ts';
import { generateMbox } from './generate-mbox.ts';

const NOW = '2026-11-24T09:00:00-05:00';
const MAX_RATIO = 4;
const MAX_RSS_MB = 256;

interface Timed {
  seconds: number;
  code: number | null;
  stdout: string;
  stderr: string;
  peakRssMb: number;
}

/** Runs a command; samples the child's VmHWM (peak resident set) from /proc every ~50 ms. */
function timed(command: string, args: string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    const sample = (): void => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Number(match[1]);
      } catch {
        // The child has exited; keep the last value seen.
      }
    };
    const poll = setInterval(sample, 50);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', () => sample());
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ seconds: (performance.now() - started) / 1000, code, stdout, stderr, peakRssMb: peakKb / 1024 });
    });
  });
}

const { values } = parseArgs({ options: { 'size-mb': { type: 'string', default: '1024' } } });
const sizeMb = Number(values['size-mb']);
if (!Number.isFinite(sizeMb) || sizeMb <= 0) throw new Error('--size-mb takes a positive number');
const outDir = join(import.meta.dirname, 'out');
mkdirSync(outDir, { recursive: true });
// v2: with calendar invitations among the interview mail.
const mbox = join(outDir, `takeout-v2-${sizeMb}mb.mbox`);
const configs = { 'without discovery': join(outDir, 'config-off.jsonc'), 'with discovery': join(outDir, 'config-auto.jsonc') };
writeBenchConfig(configs['without discovery'], 'off');
writeBenchConfig(configs['with discovery'], 'auto');
if (!existsSync(mbox)) {
  console.log(`generating ${mbox} (${sizeMb} MB) …`);
  const started = performance.now();
  const made = generateMbox(mbox, sizeMb);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`  ${made.messages} messages, ${made.interviewMessages} with interview addresses, in ${seconds} s`);
}
const bytes = statSync(mbox).size;
const mb = bytes / 1024 / 1024;

await timed('grep', ['-c', '^From ', mbox]); // warms the page cache for both runs
const grep = await timed('grep', ['-c', '^From ', mbox]);
const messages = Number(grep.stdout.trim());

const root = join(import.meta.dirname, '..');
const cli = join(root, 'src', 'cli.ts');
const row = (label: string, value: string): void => console.log(`${label.padEnd(22)}${value}`);
console.log(`\nmbox: ${mbox}\n`);
row('file', `${mb.toFixed(0)} MB, ${messages} messages`);
row('grep -c \'^From \'', `${grep.seconds.toFixed(2)} s  (${(mb / grep.seconds).toFixed(0)} MB/s)`);
let failed = false;
for (const [label, config] of Object.entries(configs)) {
  const run = await timed(process.execPath, [cli, 'report', '--config', config, '--mbox', mbox, '--json', '--now', NOW]);
  if (run.code !== 0) throw new Error(`the CLI failed (exit ${run.code}): ${run.stderr.trim().split('\n').slice(0, 5).join(' | ')}`);
  const report = JSON.parse(run.stdout) as { interviews: unknown[]; mailbox: { messagesAboutInterviews: number } | null };
  const ratio = run.seconds / grep.seconds;
  console.log(`\nreport --json, ${label}:`);
  row('  time', `${run.seconds.toFixed(2)} s  (${(mb / run.seconds).toFixed(0)} MB/s, ${(messages / run.seconds).toFixed(0)} messages/s)`);
  row('  peak RSS', `${run.peakRssMb.toFixed(0)} MB`);
  row('  interviews', `${report.interviews.length}, ${report.mailbox?.messagesAboutInterviews ?? 0} messages about them`);
  row('  ratio to grep', `${ratio.toFixed(2)}x  (target ≤ ${MAX_RATIO}x: ${ratio <= MAX_RATIO ? 'met' : 'NOT met'})`);
  row('  memory', `target ≤ ${MAX_RSS_MB} MB: ${run.peakRssMb <= MAX_RSS_MB ? 'met' : 'NOT met'}`);
  failed ||= ratio > MAX_RATIO || run.peakRssMb > MAX_RSS_MB;
}
if (failed) process.exitCode = 1;
