import { InputError } from '../errors.ts';
import { startsWithFromLine, stripFromLine } from './header-scan.ts';
import { notMail } from './input-kind.ts';
import type { Candidate } from './mail-collector.ts';
import type { MboxSink } from './mbox-split.ts';
import { unescapeMbox } from './mbox-unescape.ts';
import { parseFromLineDate } from './message-date.ts';
import { screenHeaders } from './query-match.ts';
import type { CompiledQuery, Verdict } from './query-match.ts';

/** Screens each message's header block; holds the wanted ones until the reader parses them. */
export class CandidateSink implements MboxSink {
  #query: CompiledQuery;
  readonly #path: string;
  #verdict: Verdict = 'miss';
  #pending: Candidate[] = [];
  /** Messages seen, wanted or not. */
  seen = 0;

  constructor(query: CompiledQuery, path: string) {
    this.#query = query;
    this.#path = path;
  }

  wants(head: Buffer, offset: number): boolean {
    if (offset === 0 && !startsWithFromLine(head)) throw new InputError(notMail(this.#path, head));
    this.seen++;
    this.#verdict = screenHeaders(head, this.#query);
    return this.#verdict !== 'miss';
  }

  message(raw: Buffer, offset: number): void {
    if (this.#verdict === 'miss') return;
    this.#pending.push(mboxCandidate(raw, offset, this.#verdict, this.#path));
  }

  /** Screens by another query from the next message on (the pass learns whom to expect). */
  widen(query: CompiledQuery): void {
    this.#query = query;
  }

  take(): Candidate[] {
    const taken = this.#pending;
    this.#pending = [];
    return taken;
  }
}

/** A wanted message of an mbox, ready to parse: From_ line off, mbox quoting undone. */
export function mboxCandidate(raw: Buffer, offset: number, verdict: Exclude<Verdict, 'miss'>, path: string): Candidate {
  const firstLine = raw.toString('latin1', 0, Math.min(raw.length, 600)).split('\n', 1)[0] ?? '';
  return {
    // A copy: the candidate outlives the read buffer `raw` may be a view of (the collector queues
    // it while earlier ones are parsed, and reads it again for a warning's evidence).
    raw: Buffer.from(unescapeMbox(withoutSeparatorLine(stripFromLine(raw)))),
    verdict,
    source: `${path}@${offset}`,
    fallbackId: `mbox:${offset}`,
    fallbackDate: startsWithFromLine(raw) ? parseFromLineDate(firstLine) : undefined,
    fallbackDateOrigin: 'the date on its mbox From_ line',
  };
}

/** The blank line before the next From_ line belongs to the mbox, not to the message. */
function withoutSeparatorLine(raw: Buffer): Buffer {
  const n = raw.length;
  if (n >= 4 && raw[n - 1] === 0x0a && raw[n - 2] === 0x0d && raw[n - 3] === 0x0a) return raw.subarray(0, n - 2);
  if (n >= 2 && raw[n - 1] === 0x0a && raw[n - 2] === 0x0a) return raw.subarray(0, n - 1);
  return raw;
}
