import { formatInstant } from '../report/format-time.ts';
import type { FollowUpSummary } from '../state/follow-up-summary.ts';
import type { RunRecord } from '../state/run-history.ts';
import type { SignInStatus, StatusReport } from './status.ts';

// `followup status` for a person: plain lines, dates in the system's zone.

const OUTCOME_TEXT: Record<string, string> = {
  ok: 'ok',
  partial: 'partly done',
  internal: 'internal error (a bug: see the log)',
  config: 'the config is missing or invalid',
  auth: 'Google sign-in missing, expired or refused',
  gmail: 'Gmail refused or failed after retries',
  locked: 'skipped: another run was in progress',
  input: 'an input file or folder cannot be read',
  usage: 'bad command-line usage',
};

export function formatAt(iso: string, timezone: string, now: Date): string {
  return formatInstant(new Date(iso), timezone, now);
}

export function describeRun(run: RunRecord): string {
  const what = OUTCOME_TEXT[run.outcome] ?? run.outcome;
  return run.exitCode === 0 ? what : `${what} (exit ${run.exitCode})`;
}

function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

function ago(iso: string, now: Date): string {
  const minutes = Math.round((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 0) return 'later than now';
  if (minutes < 1) return 'just now';
  if (minutes < 90) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

function runLine(run: RunRecord, timezone: string, now: Date): string {
  const counts = run.draftsCreated === undefined
    ? ''
    : `: drafts created ${run.draftsCreated}, failed ${run.draftsFailed ?? 0}, unreadable messages ${run.unreadableMessages ?? 0}`;
  return `  ${formatAt(run.startedAt, timezone, now).padEnd(21)} ${seconds(run.durationMs).padStart(7)}  ${describeRun(run)}${counts}`;
}

function followUpLines(summary: FollowUpSummary, timezone: string, now: Date): string[] {
  const lines = [`Next follow-ups (as the run of ${formatAt(summary.asOf, timezone, now)} saw them):`];
  if (summary.interviews.length === 0) lines.push('  no interviews in the config');
  for (const i of summary.interviews) {
    const parts = [
      i.thankYouDueBy ? `thank-you due by ${formatAt(i.thankYouDueBy, timezone, now)}` : undefined,
      i.checkInDueAt ? `check-in due ${formatAt(i.checkInDueAt, timezone, now)}` : undefined,
      i.drafts.length > 0 ? `drafts: ${i.drafts.map((d) => `${d.kind} (${d.draft})`).join(', ')}` : undefined,
    ].filter(Boolean);
    lines.push(`  ${i.id} (${i.company}): ${i.status}${parts.length > 0 ? `; ${parts.join('; ')}` : ''}`);
  }
  return lines;
}

function signInLine(signIn: SignInStatus, timezone: string, now: Date): string {
  switch (signIn.kind) {
    case 'static-token':
      return 'Google sign-in: a static token (FOLLOWUP_GMAIL_ACCESS_TOKEN).';
    case 'none':
      return 'Google sign-in: none (run `followup auth` to use Gmail).';
    case 'unusable':
      return `Google sign-in: ${signIn.message}`;
    case 'saved': {
      const issued = signIn.issuedAt ? `signed in ${formatAt(signIn.issuedAt, timezone, now)} (${signIn.ageDays} days ago)` : 'signed in (date not recorded: before this version)';
      const refreshed = signIn.lastRefreshAt ? `last refreshed ${formatAt(signIn.lastRefreshAt, timezone, now)}` : 'no refresh recorded';
      const testing = signIn.expiresAt
        ? `; OAuth app in Testing: the sign-in ${signIn.expired ? 'expired' : 'expires'} on ${formatAt(signIn.expiresAt, timezone, now)}`
        : '';
      return `Google sign-in: ${issued}, ${refreshed}${testing}.`;
    }
  }
}

function lockLine(lock: StatusReport['lock'], timezone: string, now: Date): string {
  if (!lock.held) return 'Lock: free (no run in progress).';
  if (lock.pid === undefined) return 'Lock: held by a run in progress.';
  return `Lock: held by the run with pid ${lock.pid}, started ${formatAt(lock.since!, timezone, now)}.`;
}

export function renderStatus(report: StatusReport, timezone: string): string {
  const now = new Date(report.now);
  const lines: string[] = [];
  if (report.runs.length > 0) {
    lines.push(`Last runs (newest first; ${report.runs.length} of ${report.runsRecorded} recorded):`);
    lines.push(...report.runs.map((r) => runLine(r, timezone, now)));
  } else {
    lines.push('Last runs: none recorded.');
  }
  if (report.lastSuccessAt) lines.push(`Last successful run: ${formatAt(report.lastSuccessAt, timezone, now)} (${ago(report.lastSuccessAt, now)}).`);
  lines.push('');
  if (report.followUps) lines.push(...followUpLines(report.followUps, timezone, now), '');
  lines.push(signInLine(report.signIn, timezone, now), lockLine(report.lock, timezone, now), '');
  for (const w of report.warnings) lines.push(`Warning: ${w}`);
  for (const p of report.problems) lines.push(`PROBLEM: ${p}`);
  if (report.healthy) lines.push('OK: the last run worked, within the last 24 hours.');
  return `${lines.join('\n')}\n`;
}
