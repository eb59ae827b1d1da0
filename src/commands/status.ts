import { join } from 'node:path';
import { check } from 'proper-lockfile';
import { signInHealth } from '../gmail/sign-in-health.ts';
import { readAuthorizedUser } from '../gmail/token-file.ts';
import { readFollowUpSummary, type FollowUpSummary } from '../state/follow-up-summary.ts';
import { LOCK_NAME, STALE_MS } from '../state/lock.ts';
import { stateDir, tokenPath } from '../state/paths.ts';
import { readRuns, succeeded, type RunRecord } from '../state/run-history.ts';
import { runningRuns } from '../state/run-markers.ts';
import { describeRun, formatAt, renderStatus } from './status-render.ts';
import { systemTimeZone } from '../config/time-zone.ts';
import { DAY_MS } from '../core/calendar.ts';
import { signInWarning } from './sign-in-notice.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Runs shown, newest first. */
export const RUNS_SHOWN = 10;

export type SignInStatus =
  | { kind: 'static-token' }
  | { kind: 'none' }
  | { kind: 'unusable'; message: string }
  | { kind: 'saved'; issuedAt?: string; ageDays?: number; lastRefreshAt?: string; testing: boolean; expiresAt?: string; expiringSoon: boolean; expired: boolean };

export interface StatusReport {
  now: string;
  /** False when the last run failed, or none succeeded in the last 24 hours: `status` exits 8. */
  healthy: boolean;
  problems: string[];
  warnings: string[];
  /** Newest first, at most RUNS_SHOWN. */
  runs: RunRecord[];
  runsRecorded: number;
  lastSuccessAt?: string;
  followUps?: FollowUpSummary;
  signIn: SignInStatus;
  lock: { held: boolean; pid?: number; since?: string };
}

async function signInStatus(env: Env, now: Date): Promise<SignInStatus> {
  if (env.FOLLOWUP_GMAIL_ACCESS_TOKEN) return { kind: 'static-token' };
  let user;
  try {
    user = await readAuthorizedUser(tokenPath(env));
  } catch (error) {
    return { kind: 'unusable', message: (error as Error).message };
  }
  if (!user) return { kind: 'none' };
  const h = signInHealth(user, now);
  return {
    kind: 'saved',
    ...(h.issuedAt ? { issuedAt: h.issuedAt.toISOString(), ageDays: h.ageDays } : {}),
    ...(h.lastRefreshAt ? { lastRefreshAt: h.lastRefreshAt.toISOString() } : {}),
    testing: h.expiresAt !== undefined,
    ...(h.expiresAt ? { expiresAt: h.expiresAt.toISOString() } : {}),
    expiringSoon: h.expiringSoon,
    expired: h.expired,
  };
}

async function lockStatus(dir: string): Promise<StatusReport['lock']> {
  const held = await check(dir, { lockfilePath: join(dir, LOCK_NAME), realpath: false, stale: STALE_MS }).catch(() => false);
  if (!held) return { held };
  const owner = (await runningRuns(dir))[0];
  return owner ? { held, pid: owner.pid, since: owner.startedAt } : { held };
}

/** What to do about a failed run, in a few words. */
function nextStep(run: RunRecord, signIn: SignInStatus): string {
  if (run.outcome === 'auth' && signIn.kind !== 'static-token') return '; sign in again with `followup auth`';
  if (run.outcome === 'config') return '; `followup report` lists the problems';
  return '; its log says more (logs/followup.log in the state folder, or journalctl --user -u interview-followup)';
}

function judge(runs: RunRecord[], now: Date, timezone: string, signIn: SignInStatus): string[] {
  if (runs.length === 0) return ['no run recorded yet: install the schedule (`followup schedule --install`) or run `followup run`'];
  const problems: string[] = [];
  // A run that found another one going did no harm: the one holding the lock is the one to judge.
  const last = runs.filter((r) => r.outcome !== 'locked').at(-1);
  if (last && !succeeded(last)) problems.push(`the last run (${formatAt(last.startedAt, timezone, now)}) failed: ${describeRun(last)}${nextStep(last, signIn)}`);
  const lastSuccess = runs.filter(succeeded).at(-1);
  if (!lastSuccess) problems.push('no run has succeeded yet');
  else if (now.getTime() - Date.parse(lastSuccess.startedAt) > DAY_MS) {
    problems.push(`no run succeeded in the last 24 hours (the last that did: ${formatAt(lastSuccess.startedAt, timezone, now)})`);
  }
  return problems;
}

export async function gatherStatus(options: { env?: Env; now: Date; timezone: string }): Promise<StatusReport> {
  const env = options.env ?? process.env;
  const { now, timezone } = options;
  const dir = stateDir(env);
  const runs = await readRuns(dir);
  const followUps = await readFollowUpSummary(dir);
  const signIn = await signInStatus(env, now);
  const problems = judge(runs, now, timezone, signIn);
  const warnings: string[] = [];
  if (signIn.kind === 'saved' && signIn.expiresAt) {
    const warning = signInWarning({ expiresAt: new Date(signIn.expiresAt), expiringSoon: signIn.expiringSoon, expired: signIn.expired }, now, timezone);
    if (warning) (signIn.expired ? problems : warnings).push(warning);
  }
  const last = runs.at(-1);
  if (last?.outcome === 'partial' && succeeded(last)) warnings.push(`the last run skipped ${last.unreadableMessages ?? 0} unreadable message(s): see its log`);
  const lastSuccess = runs.filter(succeeded).at(-1);
  return {
    now: now.toISOString(),
    healthy: problems.length === 0,
    problems,
    warnings,
    runs: runs.slice(-RUNS_SHOWN).reverse(),
    runsRecorded: runs.length,
    ...(lastSuccess ? { lastSuccessAt: lastSuccess.startedAt } : {}),
    ...(followUps ? { followUps } : {}),
    signIn,
    lock: await lockStatus(dir),
  };
}

/** `followup status [--json]`: prints the report; returns whether all is well (the CLI exits 8 if not). */
export async function statusCommand(options: { json?: boolean; now: Date; env?: Env; timezone?: string; out?: (text: string) => void }): Promise<boolean> {
  const timezone = options.timezone ?? systemTimeZone();
  const report = await gatherStatus({ now: options.now, timezone, ...(options.env ? { env: options.env } : {}) });
  const out = options.out ?? ((text: string) => void process.stdout.write(text));
  if (options.json) out(`${JSON.stringify(report, null, 2)}\n`);
  else out(renderStatus(report, timezone));
  return report.healthy;
}
