// Gmail's search language, as much of it as the adapter uses and a little more: from:/to:/cc:/bcc:
// with an address, a domain or a name; {a b} (OR), ( ), OR, -term; "phrases"; subject:, label:,
// in:, is:, rfc822msgid:, has:attachment, filename:; after:/before: with epoch seconds or YYYY/MM/DD (midnight
// PST, https://developers.google.com/workspace/gmail/api/guides/filtering), newer_than:/older_than:.
import { TZDate } from '@date-fns/tz';

export type QueryNode =
  | { kind: 'and' | 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'term'; op?: string; value: string };

export interface SearchDoc {
  from: { name: string; email: string }[];
  to: { name: string; email: string }[];
  cc: { name: string; email: string }[];
  bcc: { name: string; email: string }[];
  subject: string;
  text: string;
  labels: string[];
  /** internalDate, epoch ms. */
  date: number;
  messageId?: string;
  hasAttachment: boolean;
  /** Names of the message's attachments (a part without a name is not one: Gmail's filename: is documented for attachments). */
  filenames: string[];
}

export class QuerySyntaxError extends Error {}

const OPS = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'after', 'before', 'newer_than', 'older_than', 'label', 'in', 'is', 'rfc822msgid', 'has', 'filename']);
const STOP = new Set([' ', '\t', '(', ')', '{', '}', '"']);

interface Cursor {
  s: string;
  pos: number;
}

function skipSpace(c: Cursor): void {
  while (c.pos < c.s.length && /\s/.test(c.s[c.pos]!)) c.pos++;
}

function expect(c: Cursor, ch: string): void {
  if (c.s[c.pos] !== ch) throw new QuerySyntaxError(`expected "${ch}" at ${c.pos}`);
  c.pos++;
}

function readWord(c: Cursor): string {
  const start = c.pos;
  while (c.pos < c.s.length && !STOP.has(c.s[c.pos]!)) c.pos++;
  return c.s.slice(start, c.pos);
}

function term(op: string | undefined, value: string): QueryNode {
  return op === undefined ? { kind: 'term', value } : { kind: 'term', op, value };
}

function parseUnit(c: Cursor, op: string | undefined): QueryNode {
  const ch = c.s[c.pos];
  if (ch === '-') {
    c.pos++;
    return { kind: 'not', item: parseUnit(c, op) };
  }
  if (ch === '(' || ch === '{') {
    c.pos++;
    const node = parseSequence(c, ch === '(' ? ')' : '}', op, ch === '{');
    expect(c, ch === '(' ? ')' : '}');
    return node;
  }
  if (ch === '"') {
    const end = c.s.indexOf('"', c.pos + 1);
    if (end === -1) throw new QuerySyntaxError('unterminated phrase');
    const value = c.s.slice(c.pos + 1, end);
    c.pos = end + 1;
    return term(op, value);
  }
  const word = readWord(c);
  if (word === '') throw new QuerySyntaxError(`unexpected "${ch}" at ${c.pos}`);
  const m = /^([a-z_0-9]+):(.*)$/i.exec(word);
  if (m !== null && OPS.has(m[1]!.toLowerCase())) {
    const name = m[1]!.toLowerCase();
    return m[2] === '' ? parseUnit(c, name) : term(name, m[2]!);
  }
  return term(op, word);
}

/** Units until `closer`: ANDed, with OR binding adjacent units; all ORed inside { }. */
function parseSequence(c: Cursor, closer: string | undefined, op: string | undefined, allOr: boolean): QueryNode {
  const items: QueryNode[] = [];
  let or = false;
  for (;;) {
    skipSpace(c);
    if (c.pos >= c.s.length || c.s[c.pos] === closer) break;
    if (/^OR(?=[\s({"]|$)/.test(c.s.slice(c.pos, c.pos + 3))) {
      c.pos += 2;
      or = true;
      continue;
    }
    const unit = parseUnit(c, op);
    const last = items.at(-1);
    if (or && last !== undefined) items[items.length - 1] = { kind: 'or', items: [last, unit] };
    else items.push(unit);
    or = false;
  }
  if (items.length === 1) return items[0]!;
  return { kind: allOr ? 'or' : 'and', items };
}

export function parseQuery(q: string): QueryNode {
  if (q.length > 2048) throw new QuerySyntaxError('query too long');
  const c: Cursor = { s: q, pos: 0 };
  const node = parseSequence(c, undefined, undefined, false);
  if (c.pos < c.s.length) throw new QuerySyntaxError(`unexpected "${c.s[c.pos]}" at ${c.pos}`);
  return node;
}

function instant(value: string): number {
  if (/^\d{1,12}$/.test(value)) return Number(value) * 1000;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (m === null) throw new QuerySyntaxError(`bad date "${value}"`);
  return new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 'America/Los_Angeles').getTime();
}

function age(value: string): number {
  const m = /^(\d{1,6})([dmy])$/.exec(value);
  if (m === null) throw new QuerySyntaxError(`bad age "${value}"`);
  return Number(m[1]) * { d: 1, m: 30, y: 365 }[m[2] as 'd' | 'm' | 'y'] * 86_400_000;
}

function addressMatches(list: SearchDoc['from'], value: string): boolean {
  const v = value.toLowerCase();
  return list.some(({ name, email }) => {
    if (v.includes('@')) return email === v;
    const [local = '', domain = ''] = email.split('@');
    return domain === v || domain.endsWith(`.${v}`) || local === v || name.toLowerCase().split(/\s+/).includes(v);
  });
}

const IN_LABELS: Record<string, string> = { inbox: 'INBOX', sent: 'SENT', drafts: 'DRAFT', draft: 'DRAFT', spam: 'SPAM', trash: 'TRASH', chats: 'CHAT', starred: 'STARRED', unread: 'UNREAD', important: 'IMPORTANT' };

function hasLabel(doc: SearchDoc, name: string): boolean {
  const wanted = (IN_LABELS[name.toLowerCase()] ?? name).toLowerCase().replace(/-/g, ' ');
  return doc.labels.some((l) => l.toLowerCase().replace(/-/g, ' ') === wanted);
}

function fullText(doc: SearchDoc): string {
  const people = [...doc.from, ...doc.to, ...doc.cc].map((a) => `${a.name} ${a.email}`).join(' ');
  return `${doc.subject}\n${doc.text}\n${people}`.toLowerCase();
}

function termMatches(node: { op?: string; value: string }, doc: SearchDoc, now: number): boolean {
  const { op, value } = node;
  switch (op) {
    case 'from': case 'to': case 'cc': case 'bcc':
      return addressMatches(doc[op], value);
    case 'subject': return doc.subject.toLowerCase().includes(value.toLowerCase());
    case 'after': return doc.date >= instant(value);
    case 'before': return doc.date < instant(value);
    case 'newer_than': return doc.date > now - age(value);
    case 'older_than': return doc.date < now - age(value);
    case 'label': case 'in': case 'is':
      return value.toLowerCase() === 'anywhere' || hasLabel(doc, value);
    case 'rfc822msgid': return doc.messageId?.replace(/^<|>$/g, '') === value.replace(/^<|>$/g, '');
    case 'has': return value.toLowerCase() === 'attachment' && doc.hasAttachment;
    case 'filename': {
      const wanted = value.toLowerCase();
      return doc.filenames.some((name) => name === wanted || name.endsWith(`.${wanted}`));
    }
    default: return fullText(doc).includes(value.toLowerCase());
  }
}

export function matchesQuery(node: QueryNode, doc: SearchDoc, now: number): boolean {
  switch (node.kind) {
    case 'and': return node.items.every((n) => matchesQuery(n, doc, now));
    case 'or': return node.items.some((n) => matchesQuery(n, doc, now));
    case 'not': return !matchesQuery(node.item, doc, now);
    case 'term': return termMatches(node, doc, now);
  }
}

/** Validates dates and ages up front, so a bad query is a 400 even on an empty mailbox. */
export function checkQuery(node: QueryNode): void {
  if (node.kind === 'not') return checkQuery(node.item);
  if (node.kind !== 'term') return node.items.forEach(checkQuery);
  if (node.op === 'after' || node.op === 'before') instant(node.value);
  if (node.op === 'newer_than' || node.op === 'older_than') age(node.value);
}
