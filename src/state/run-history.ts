// One JSON line per `followup run`, so `followup status` can say whether last night's runs worked.
// Counts and codes only: never an address, a subject or a body. Appended (O_APPEND keeps each small
// line whole), and cut back to the last KEEP_RUNS lines once it grows past KEEP_RUNS + TRIM_SLACK.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import * as z from 'zod';

export const RUN_HISTORY_FILE = 'runs.jsonl';
export const KEEP_RUNS = 200;
const TRIM_SLACK = 50;

const recordSchema = z.object({
  /** ISO 8601, when the run started. */
  startedAt: z.string(),
  durationMs: z.number(),
  exitCode: z.number().int(),
  /** The exit code's name in src/errors.ts EXIT (ok, partial, auth, gmail, locked, …). */
  outcome: z.string(),
  source: z.enum(['gmail', 'mbox']).optional(),
  draftsCreated: z.number().int().optional(),
  draftsFailed: z.number().int().optional(),
  unreadableMessages: z.number().int().optional(),
});

export type RunRecord = z.infer<typeof recordSchema>;

export function runHistoryPath(dir: string): string {
  return join(dir, RUN_HISTORY_FILE);
}

function parseLines(text: string): RunRecord[] {
  const records: RunRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = recordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // a line cut short by a crash: skipped, the rest still counts
    }
  }
  return records;
}

/** The recorded runs, oldest first; none when there is no history yet. */
export async function readRuns(dir: string): Promise<RunRecord[]> {
  try {
    return parseLines(await readFile(runHistoryPath(dir), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

export async function appendRun(dir: string, record: RunRecord, keep: number = KEEP_RUNS): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = runHistoryPath(dir);
  await appendFile(path, `${JSON.stringify(recordSchema.parse(record))}\n`, { mode: 0o600 });
  const lines = (await readFile(path, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  if (lines.length > keep + Math.min(TRIM_SLACK, keep)) {
    await writeFileAtomic(path, `${lines.slice(-keep).join('\n')}\n`, { mode: 0o600 });
  }
}

/** A run that did its work: exit 0, or exit 5 for unreadable messages alone (those stay broken in
 *  the mailbox, run after run; every draft that could be made was made). */
export function succeeded(record: RunRecord): boolean {
  return record.exitCode === 0 || (record.outcome === 'partial' && (record.draftsFailed ?? 0) === 0);
}
