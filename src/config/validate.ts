// value → config or every problem at once. Pure: no file system, no environment.
import { formatIssues, formatPath } from './problems.ts';
import { resolveConfig, type ResolveOptions } from './resolve.ts';
import { configSchema } from './schema.ts';
import type { Config } from './types.ts';

export type ValidationResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function validateConfig(value: unknown, options: ResolveOptions): ValidationResult {
  const parsed = configSchema.safeParse(value, { reportInput: true });
  // Duplicates are checked on the raw value so they are reported even when other fields are wrong.
  const problems = [...(parsed.success ? [] : formatIssues(parsed.error.issues)), ...findDuplicates(value)];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, config: resolveConfig(parsed.data, options) };
}

function findDuplicates(value: unknown): string[] {
  const interviews = arrayAt(value, 'interviews');
  const problems = duplicatesOf({
    items: interviews,
    key: 'id',
    label: 'id',
    pathOf: (index) => ['interviews', index],
  });
  interviews.forEach((interview, i) => {
    problems.push(
      ...duplicatesOf({
        items: arrayAt(interview, 'interviewers'),
        key: 'email',
        label: 'interviewer',
        pathOf: (j) => ['interviews', i, 'interviewers', j],
        normalise: (email) => email.toLowerCase(),
      }),
    );
  });
  return problems;
}

interface DuplicateCheck {
  items: unknown[];
  key: string;
  label: string;
  /** Path of the item at an index. */
  pathOf: (index: number) => (string | number)[];
  normalise?: (text: string) => string;
}

function duplicatesOf({ items, key, label, pathOf, normalise = (text) => text }: DuplicateCheck): string[] {
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  items.forEach((item, index) => {
    const raw = isRecord(item) ? item[key] : undefined;
    if (typeof raw !== 'string') return;
    const seen = firstIndex.get(normalise(raw));
    if (seen === undefined) firstIndex.set(normalise(raw), index);
    else {
      const where = formatPath([...pathOf(index), key]);
      problems.push(`${where}: duplicate ${label} ${JSON.stringify(raw)} (also ${formatPath(pathOf(seen))})`);
    }
  });
  return problems;
}

function arrayAt(value: unknown, key: string): unknown[] {
  const found = isRecord(value) ? value[key] : undefined;
  return Array.isArray(found) ? found : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
