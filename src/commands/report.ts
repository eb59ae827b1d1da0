import type { Decision, Ledger } from '../core/types.ts';
import { readLedger } from '../state/ledger.ts';
import { readAndDecide, type ReadArgs } from './gather.ts';
import type { ReportFormat } from './options.ts';

const EMPTY: Ledger = { version: 1, entries: [] };

/** The dry run: read → decide → render. Writes nothing, anywhere. */
export async function reportCommand(args: ReadArgs & { stateDir: string }): Promise<Decision> {
  const { source } = args;
  const ledger = source.mailboxId ? await readLedger({ dir: args.stateDir, mailboxId: source.mailboxId }) : EMPTY;
  return (await readAndDecide({ ...args, ledger })).decision;
}

export async function renderReport(decision: Decision, options: { format: ReportFormat; color: boolean; timezone: string; width?: number }): Promise<string> {
  switch (options.format) {
    case 'json':
      return (await import('../report/json.ts')).renderJson(decision);
    case 'markdown':
      return (await import('../report/markdown.ts')).renderMarkdown(decision, { timezone: options.timezone });
    case 'table':
      return (await import('../report/table.ts')).renderTable(decision, { color: options.color, timezone: options.timezone, width: options.width });
  }
}
