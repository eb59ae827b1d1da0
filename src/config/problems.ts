// Turns zod issues into one line per problem, named by the field's path as a user would write it:
// `interviews[0].interviewers[1].email: "jane@" is not an e-mail address`.
import type * as z from 'zod';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

export function formatPath(path: readonly PathKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

export function formatIssues(issues: readonly Issue[], base: readonly PathKey[] = []): string[] {
  return issues.flatMap((issue) => formatIssue(issue, base));
}

function formatIssue(issue: Issue, base: readonly PathKey[]): string[] {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${formatPath([...path, key])}: unknown key`);
    case 'invalid_union':
      return formatUnion(issue, path);
    default:
      return [`${formatPath(path)}: ${describeIssue(issue)}`];
  }
}

// A union fails in every branch; report the branch whose type matched the input (the object form
// of `contact` with a bad e-mail inside), else the union's own message.
function formatUnion(issue: z.core.$ZodIssueInvalidUnion, path: PathKey[]): string[] {
  const typeMatched = issue.errors.filter(
    (branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  const [only] = typeMatched;
  if (typeMatched.length === 1 && only) return formatIssues(only, path);
  return [`${formatPath(path)}: ${issue.message}`];
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'missing (required)'
        : `expected ${withArticle(issue.expected)}, got ${describeValue(issue.input)}`;
    case 'invalid_format':
      return describeFormat(issue);
    case 'too_small':
      return describeBound(issue.origin, 'at least', issue.minimum, issue.inclusive);
    case 'too_big':
      return describeBound(issue.origin, 'at most', issue.maximum, issue.inclusive);
    default:
      return issue.message;
  }
}

function describeFormat(issue: z.core.$ZodIssueInvalidStringFormat): string {
  switch (issue.format) {
    case 'email':
      return `${JSON.stringify(issue.input)} is not an e-mail address`;
    case 'datetime':
      return 'must be an ISO 8601 date-time with an offset, like 2026-11-18T10:00:00-05:00';
    case 'date':
      return `${JSON.stringify(issue.input)} is not a date like 2026-11-25 (YYYY-MM-DD)`;
    default:
      return `${JSON.stringify(issue.input)} ${issue.message}`;
  }
}

function describeBound(
  origin: string,
  relation: 'at least' | 'at most',
  bound: number | bigint,
  inclusive: boolean | undefined,
): string {
  if (origin === 'array') return `must have ${relation} ${bound} item${bound === 1 ? '' : 's'}`;
  if (origin === 'string' && relation === 'at least' && bound === 1) return 'must not be empty';
  if (origin === 'string') return `must have ${relation} ${bound} characters`;
  const strict = inclusive === false ? (relation === 'at least' ? 'greater than' : 'less than') : relation;
  return `must be ${strict} ${bound}`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

function withArticle(type: string): string {
  return TYPE_NAMES[type] ?? type;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `the string ${JSON.stringify(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
