import type { Message } from '../../core/types.ts';
import { IGNORED_LABELS } from '../../mailbox/gmail-labels.ts';
import type { LabelOp, MessageChange } from './history.ts';
import type { InvitationHit } from './sync-model.ts';
import { messageIdsOf, type ThreadRecord } from './thread-record.ts';

// The history applied to what the last run kept. What the cache can follow by itself it follows
// here, without a request: a message deleted, a label that changes nothing the engine or the
// searches look at (read, starred, a user label). Anything else is news that only a read tells:
// a new message in a kept thread, one into or out of spam, trash or chat, a draft sent or edited.

/** Labels whose change alters what a thread read gives: visibility, and mine-or-draft. */
const READ_AGAIN_LABELS = new Set([...IGNORED_LABELS, 'DRAFT', 'SENT']);
/** What the searches never see (docs/gmail.md §2). */
const UNSEARCHED = new Set(['SPAM', 'TRASH']);

export interface Applied {
  records: Map<string, ThreadRecord>;
  hits: Map<string, InvitationHit>;
  /** Kept threads to read again. */
  dirty: Set<string>;
  /** Messages in threads not kept that the searches may now find: added, or out of spam or trash. */
  unknown: MessageChange[];
  /** Messages that arrived or came back into view: new invitation hits can only be among them. */
  arrivals: Set<string>;
}

function withLabels<T extends { labels: string[] }>(item: T, ops: ReadonlyMap<string, LabelOp>): T {
  let labels = item.labels;
  for (const [label, op] of ops) {
    if (op === 'add' && !labels.includes(label)) labels = [...labels, label];
    if (op === 'remove') labels = labels.filter((l) => l !== label);
  }
  return labels === item.labels ? item : { ...item, labels };
}

function relabel(record: ThreadRecord, id: string, ops: ReadonlyMap<string, LabelOp>): ThreadRecord {
  const one = (m: Message) => (m.id === id ? withLabels(m, ops) : m);
  return { ...record, messages: record.messages.map(one), drafts: record.drafts.map((d) => ({ ...d, message: one(d.message) })) };
}

function without(record: ThreadRecord, id: string): ThreadRecord {
  return { ...record, messages: record.messages.filter((m) => m.id !== id), drafts: record.drafts.filter((d) => d.message.id !== id) };
}

function applyToHit(applied: Applied, change: MessageChange): void {
  const hit = applied.hits.get(change.id);
  if (hit === undefined) return;
  if ([...change.labels].some(([l, op]) => op === 'add' && UNSEARCHED.has(l))) {
    applied.hits.delete(change.id);
    return;
  }
  const labelled = withLabels(hit, change.labels);
  const invitations = hit.invitations.map((i) => ({ ...i, message: withLabels(i.message, change.labels) }));
  applied.hits.set(change.id, { ...labelled, invitations });
}

function applyToRecord(applied: Applied, change: MessageChange, record: ThreadRecord): void {
  const known = messageIdsOf(record).includes(change.id);
  const labelOps = [...change.labels];
  if (change.deleted) {
    if (record.warnings.length > 0) applied.dirty.add(record.id);
    else applied.records.set(record.id, without(record, change.id));
    return;
  }
  const reappears = labelOps.some(([l, op]) => op === 'remove' && IGNORED_LABELS.has(l));
  if ((change.added && !known) || (!known && reappears)) {
    applied.dirty.add(record.id);
    applied.arrivals.add(change.id);
  } else if (known && labelOps.some(([l]) => READ_AGAIN_LABELS.has(l))) {
    applied.dirty.add(record.id);
  } else if (known && labelOps.length > 0) {
    applied.records.set(record.id, relabel(record, change.id, change.labels));
  }
}

/** The last run's threads and hits as they stand after these changes, and what must be read. */
export function applyHistory(threads: readonly ThreadRecord[], hits: readonly InvitationHit[], changes: readonly MessageChange[]): Applied {
  const applied: Applied = {
    records: new Map(threads.map((r) => [r.id, r])),
    hits: new Map(hits.map((h) => [h.messageId, h])),
    // What could not be read is tried again every run, until it reads (never draft from what was not read).
    dirty: new Set(threads.filter((r) => r.retry || r.warnings.length > 0).map((r) => r.id)),
    unknown: [],
    arrivals: new Set(),
  };
  for (const change of changes) {
    if (change.deleted) applied.hits.delete(change.id);
    else applyToHit(applied, change);
    const record = applied.records.get(change.threadId);
    if (record !== undefined) {
      applyToRecord(applied, change, record);
      continue;
    }
    const back = [...change.labels].some(([l, op]) => op === 'remove' && UNSEARCHED.has(l));
    if (!change.deleted && (change.added || back)) {
      applied.unknown.push(change);
      applied.arrivals.add(change.id);
    }
  }
  return applied;
}
