import { mkdir } from 'node:fs/promises';
import { isReadFailure } from '../core/warnings.ts';
import { EXIT } from '../errors.ts';
import { signInHealth } from '../gmail/sign-in-health.ts';
import { readAuthorizedUser } from '../gmail/token-file.ts';
import type { Logger } from '../log.ts';
import { saveFollowUpSummary, summarizeDecision } from '../state/follow-up-summary.ts';
import { logDir } from '../state/log-dir.ts';
import { stateDir, tokenPath } from '../state/paths.ts';
import { appendRun, type RunRecord } from '../state/run-history.ts';
import { markRunning } from '../state/run-markers.ts';
import type { RunResult } from './run.ts';
import { signInWarning } from './sign-in-notice.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Around one `followup run`: the CLI starts it first, reports the result, and main() finishes it
 *  with the exit code it decided, so every run leaves a history line, failed ones included. */
export interface RunRecording {
  /** After the work: counts for the history line, and the next follow-ups for `followup status`. */
  done(result: RunResult): Promise<void>;
  finish(exitCode: number): Promise<void>;
}

export interface RecordingOptions {
  mbox: boolean;
  log: Logger;
  env?: Env;
  clock?: () => Date;
}

const OUTCOME = new Map<number, string>(Object.entries(EXIT).map(([name, code]) => [code, name]));

export function outcomeName(exitCode: number): string {
  return OUTCOME.get(exitCode) ?? `exit-${exitCode}`;
}

async function warnAboutSignIn(env: Env, log: Logger, now: Date): Promise<void> {
  if (env.FOLLOWUP_GMAIL_ACCESS_TOKEN) return;
  const user = await readAuthorizedUser(tokenPath(env)).catch(() => undefined); // the run itself reports a bad one
  const warning = user && signInWarning(signInHealth(user, now), now);
  if (warning) log.warn('google sign-in expiring', { message: warning });
}

export async function startRunRecording(options: RecordingOptions): Promise<RunRecording> {
  const env = options.env ?? process.env;
  const clock = options.clock ?? (() => new Date());
  const { log } = options;
  const dir = stateDir(env);
  const source = options.mbox ? 'mbox' : 'gmail';
  const started = clock();
  const counts: Partial<RunRecord> = {};
  let unmark = async () => {};
  try {
    // The folders a scheduled job writes to: made here too, whatever made (or removed) them before.
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await mkdir(logDir(env), { recursive: true, mode: 0o700 });
    unmark = await markRunning(dir, started);
    if (!options.mbox) await warnAboutSignIn(env, log, started);
  } catch (error) {
    log.warn('cannot record this run', { message: (error as Error).message });
  }
  return {
    async done(result) {
      counts.draftsCreated = result.counts.created;
      counts.draftsFailed = result.counts.failed;
      counts.unreadableMessages = result.decision.warnings.filter(isReadFailure).length;
      await saveFollowUpSummary(dir, summarizeDecision(result.decision, source)).catch((error: Error) => {
        log.warn('cannot save the next follow-ups for `followup status`', { message: error.message });
      });
    },
    async finish(exitCode) {
      const record: RunRecord = {
        startedAt: started.toISOString(),
        durationMs: Math.max(0, clock().getTime() - started.getTime()),
        exitCode,
        outcome: outcomeName(exitCode),
        source,
        ...counts,
      };
      await appendRun(dir, record).catch((error: Error) => log.warn('cannot record this run', { message: error.message }));
      await unmark().catch(() => {});
    },
  };
}
