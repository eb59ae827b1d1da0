import type { Config } from '../config/types.ts';
import type { Decision, Ledger } from '../core/types.ts';
import { renderJson } from '../report/json.ts';
import { renderMarkdown } from '../report/markdown.ts';
import { renderTable } from '../report/table.ts';
import { readLedger } from '../state/ledger.ts';
import type { ReadProgress } from '../mailbox/port.ts';
import { readAndDecide } from './gather.ts';
import type { ReportFormat } from './options.ts';
import type { Source } from './source.ts';

const EMPTY: Ledger = { version: 1, entries: [] };

/** The dry run: read → decide → render. Writes nothing, anywhere. */
export async function reportCommand(args: {
  config: Config;
  source: Source;
  stateDir: string;
  now: Date;
  onProgress?: (p: ReadProgress) => void;
}): Promise<Decision> {
  const { source } = args;
  const ledger = source.mailboxId ? await readLedger({ dir: args.stateDir, mailboxId: source.mailboxId }) : EMPTY;
  return readAndDecide({
    config: args.config,
    mailbox: source.mailbox,
    ledger,
    extraDrafts: await source.extraDrafts(),
    now: args.now,
    onProgress: args.onProgress,
  });
}

export function renderReport(decision: Decision, options: { format: ReportFormat; color: boolean; timezone: string; width?: number }): string {
  switch (options.format) {
    case 'json':
      return renderJson(decision);
    case 'markdown':
      return renderMarkdown(decision, { timezone: options.timezone });
    case 'table':
      return renderTable(decision, { color: options.color, timezone: options.timezone, width: options.width });
  }
}
