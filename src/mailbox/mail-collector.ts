import type { PendingDraft, Warning } from '../core/types.ts';
import { IGNORED_LABELS } from './gmail-labels.ts';
import type { MailboxContents } from './port.ts';
import type { ParseOptions, ParseOutcome, ParsedMessage } from './parse-message.ts';
import { namesCompany } from '../core/company-name.ts';
import { unreadEvidence, type CompiledQuery, type Verdict } from './query-match.ts';
import { threadMessages } from './thread-messages.ts';

export interface Candidate extends ParseOptions {
  /** The RFC 5322 message (no mbox From_ line, mbox quoting undone). */
  raw: Buffer;
  /** What screenHeaders said of its header block. */
  verdict: Exclude<Verdict, 'miss'>;
  /** The PendingDraft id if it is a draft (a file name); default its Message-ID, else fallbackId. */
  draftId?: string;
}

export type Parse = (raw: Buffer, options: ParseOptions) => Promise<ParseOutcome>;

interface Queued {
  candidate: Candidate;
  outcome: Promise<ParseOutcome>;
}

/** How far parses may run ahead of the reader; past it, add() waits (bounded memory). */
export interface QueueLimits {
  messages: number;
  bytes: number;
}

const DEFAULT_LIMITS: QueueLimits = { messages: 4, bytes: 8 * 1024 * 1024 };

/** Parses the messages that passed the header screen, keeps those still wanted and threads them;
 *  shared by the mbox and .eml-folder adapters. Results are taken in the order messages came. */
export class MailCollector {
  readonly #query: CompiledQuery;
  readonly #parse: Parse;
  readonly #limits: QueueLimits;
  readonly #queue: Queued[] = [];
  #queuedBytes = 0;
  readonly #messages: ParsedMessage[] = [];
  readonly #drafts: { parsed: ParsedMessage; id: string }[] = [];
  readonly #warnings: Warning[] = [];

  constructor(query: CompiledQuery, parse: Parse, limits: QueueLimits = DEFAULT_LIMITS) {
    this.#query = query;
    this.#parse = parse;
    this.#limits = limits;
  }

  get matched(): number {
    return this.#messages.length + this.#drafts.length;
  }

  warn(warning: Warning): void {
    this.#warnings.push(warning);
  }

  /** Starts parsing the candidate; waits only when too many parses are under way. */
  async add(candidate: Candidate): Promise<void> {
    this.#queue.push({ candidate, outcome: this.#parse(candidate.raw, candidate) });
    this.#queuedBytes += candidate.raw.length;
    while (this.#queue.length > this.#limits.messages || this.#queuedBytes > this.#limits.bytes) await this.#takeOldest();
  }

  async finish(): Promise<MailboxContents> {
    while (this.#queue.length > 0) await this.#takeOldest();
    const threads = threadMessages(this.#messages);
    const threadOf = new Map<string, string>();
    for (const thread of threads) {
      for (const m of thread.messages) if (m.messageId !== undefined) threadOf.set(m.messageId, thread.id);
    }
    const drafts = this.#drafts.map(({ parsed, id }) => toDraft(parsed, id, threadOf));
    return { threads, drafts, warnings: this.#warnings };
  }

  async #takeOldest(): Promise<void> {
    const { candidate, outcome } = this.#queue.shift()!;
    this.#queuedBytes -= candidate.raw.length;
    this.#accept(candidate, await outcome);
  }

  #accept(candidate: Candidate, { parsed, warnings }: ParseOutcome): void {
    if (parsed === undefined) {
      const evidence = unreadEvidence(candidate.raw, this.#query);
      this.#warnings.push(...warnings.map((w) => ({ ...w, evidence })));
      return;
    }
    const { message } = parsed;
    if (message.date < this.#query.since || message.labels.some((label) => IGNORED_LABELS.has(label))) return;
    if (candidate.verdict === 'ats' && !namesCompany(message, this.#query.companies)) return;
    this.#warnings.push(...warnings);
    if (message.labels.includes('DRAFT')) {
      this.#drafts.push({ parsed, id: candidate.draftId ?? message.messageId ?? candidate.fallbackId });
    } else this.#messages.push(parsed);
  }
}

/** Drafts are not part of threads (Gmail lists them apart); a reply draft names its thread. */
function toDraft({ message, gmailThreadId, actionKey }: ParsedMessage, id: string, threadOf: Map<string, string>): PendingDraft {
  const parent = message.inReplyTo ?? message.references.at(-1);
  const threadId = gmailThreadId ?? (parent === undefined ? undefined : threadOf.get(parent));
  return { id, threadId, to: message.to, cc: message.cc, subject: message.subject, actionKey };
}
