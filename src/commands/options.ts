import { UsageError } from '../errors.ts';

/** --now: an ISO 8601 instant with an offset (or Z); without one it would depend on the machine's zone. */
export function parseNow(value: string | undefined, clock: () => Date = () => new Date()): Date {
  if (value === undefined) return clock();
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
  const parsed = new Date(value);
  if (!iso.test(value) || Number.isNaN(parsed.getTime())) {
    throw new UsageError(`--now ${JSON.stringify(value)} is not an ISO 8601 date-time with an offset, like 2026-11-24T09:00:00-05:00`);
  }
  return parsed;
}

export type ReportFormat = 'table' | 'markdown' | 'json';

export function reportFormat(opts: { json?: boolean; format?: string }): ReportFormat {
  if (opts.json) return 'json';
  const format = opts.format ?? 'table';
  if (format !== 'table' && format !== 'markdown' && format !== 'json') {
    throw new UsageError(`--format ${JSON.stringify(format)}: use table, markdown or json`);
  }
  return format;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(stream.isTTY) && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
}
