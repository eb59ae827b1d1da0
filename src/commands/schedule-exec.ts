import { spawn } from 'node:child_process';

/** What an external command (crontab, systemctl, launchctl) did. */
export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one external command, optionally feeding it stdin. Injectable so tests never touch the
 *  real crontab or service manager. Never throws for a non-zero exit: the caller decides. */
export type Exec = (command: string, args: string[], input?: string) => Promise<ExecResult>;

export const execCommand: Exec = (command, args, input) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: 127, stdout, stderr: `${command}: ${error.code ?? error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.on('error', () => {}); // a command that exits before reading stdin
    child.stdin.end(input ?? '');
  });

/** The one line to show when a command failed. */
export function describeFailure(command: string, args: string[], result: ExecResult): string {
  const said = result.stderr.trim().split('\n')[0]?.slice(0, 300);
  return `\`${[command, ...args].join(' ')}\` failed (exit ${result.code})${said ? `: ${said}` : ''}`;
}
