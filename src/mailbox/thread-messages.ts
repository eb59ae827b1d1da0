import type { Message, Thread } from '../core/types.ts';
import type { ParsedMessage } from './parse-message.ts';

/** Disjoint sets over string keys (path halving). */
class UnionFind {
  readonly #parent = new Map<string, string>();

  find(key: string): string {
    let node = key;
    for (let up = this.#parent.get(node); up !== undefined && up !== node; up = this.#parent.get(node)) {
      const grand = this.#parent.get(up) ?? up;
      this.#parent.set(node, grand);
      node = grand;
    }
    if (!this.#parent.has(node)) this.#parent.set(node, node);
    return node;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.#parent.set(rb, ra);
  }
}

const byDate = (a: Message, b: Message): number => a.date.getTime() - b.date.getTime();

/** Groups messages into threads: Gmail's thread id (X-GM-THRID) where a message has one, as Gmail
 *  threaded it; otherwise the References and In-Reply-To chains (RFC 5322 §3.6.4), which may join a
 *  Gmail thread. Messages oldest first; a message id seen twice is kept once. */
export function threadMessages(items: readonly ParsedMessage[]): Thread[] {
  const unique = dedupe(items);
  const sets = new UnionFind();
  for (const { message, gmailThreadId } of unique) {
    const own = nodeOf(message);
    if (gmailThreadId !== undefined) sets.union(`g:${gmailThreadId}`, own);
    else for (const ref of [...message.references, message.inReplyTo ?? '']) if (ref !== '') sets.union(own, `m:${ref}`);
  }
  const components = new Map<string, ParsedMessage[]>();
  for (const item of unique) {
    const root = sets.find(nodeOf(item.message));
    const members = components.get(root);
    if (members === undefined) components.set(root, [item]);
    else members.push(item);
  }
  const threads = new Map<string, Message[]>();
  for (const members of components.values()) {
    const fallbackId = componentThreadId(members);
    for (const { message, gmailThreadId } of members) {
      const threadId = gmailThreadId ?? fallbackId;
      const list = threads.get(threadId) ?? [];
      list.push({ ...message, threadId });
      threads.set(threadId, list);
    }
  }
  return [...threads].map(([id, messages]) => ({ id, messages: messages.sort(byDate) }))
    .sort((a, b) => byDate(a.messages[0]!, b.messages[0]!));
}

function nodeOf(message: Message): string {
  return message.messageId !== undefined ? `m:${message.messageId}` : `x:${message.id}`;
}

function dedupe(items: readonly ParsedMessage[]): ParsedMessage[] {
  const seen = new Set<string>();
  return items.filter(({ message }) => !seen.has(message.id) && seen.add(message.id) !== undefined);
}

/** For messages without X-GM-THRID: the Gmail thread they joined, else the root of the oldest
 *  message's chain, which stays the same as replies arrive. */
function componentThreadId(members: readonly ParsedMessage[]): string {
  const gmail = members.map((m) => m.gmailThreadId).filter((id) => id !== undefined).sort()[0];
  if (gmail !== undefined) return gmail;
  const oldest = [...members].sort((a, b) => byDate(a.message, b.message))[0]!.message;
  return oldest.references[0] ?? oldest.inReplyTo ?? oldest.messageId ?? oldest.id;
}
