import { findHeaderEnd, MAX_HEADER_BYTES } from './header-scan.ts';

/** Receives the messages of an mbox as it streams by. */
export interface MboxSink {
  /** The start of the message at `offset` (From_ line and at least its header block, or all of it):
   *  true to be handed the whole message, false to skip it unread, 'scan' to see its bytes go by
   *  (scan, then scanned) without anything being kept. */
  wants(head: Buffer, offset: number): boolean | 'scan';
  /** A wanted message, From_ line included. The buffer may be a view of the current chunk, valid
   *  only until the chunk's buffer is reused: copy it to keep it longer. */
  message(raw: Buffer, offset: number): void;
  /** The next bytes of a message being scanned (a view valid only during the call). */
  scan?(piece: Buffer): void;
  /** The scanned message ended: it spans [start, end) of the stream. */
  scanned?(start: number, end: number): void;
}

// A message starts at a line beginning with "From " (mboxo/mboxrd quote such body lines as ">From ").
const SEPARATOR = Buffer.from('\nFrom ');
const KEEP = SEPARATOR.length - 1;
const EMPTY = Buffer.alloc(0);

/** Splits an mbox stream into messages with Buffer.indexOf, without converting lines to strings.
 *  Only the header block of each message is gathered until the sink decides; skipped messages are
 *  never copied, whatever their size. Keeps no view of a chunk after push returns, so the reader
 *  may reuse its buffers. */
export class MboxSplitter {
  readonly #sink: MboxSink;
  /** The current message's bytes from earlier chunks, while undecided or wanted. */
  #parts: Buffer[] = [];
  #partsLength = 0;
  #start = 0;
  #state: 'open' | 'keep' | 'skip' | 'scan' = 'open';
  /** The last bytes of the stream before the current chunk, to find a separator split across chunks. */
  #tail: Buffer = EMPTY;
  #offset = 0;

  constructor(sink: MboxSink) {
    this.#sink = sink;
  }

  push(chunk: Buffer): void {
    const base = this.#offset;
    let from = 0;
    const junction = Buffer.concat([this.#tail, chunk.subarray(0, KEEP)]);
    const j = junction.indexOf(SEPARATOR);
    if (j !== -1 && j < this.#tail.length) {
      const boundary = base - this.#tail.length + j + 1;
      this.#boundary(boundary, chunk, base);
      from = j + SEPARATOR.length - this.#tail.length;
    }
    for (let i = chunk.indexOf(SEPARATOR, from); i !== -1; i = chunk.indexOf(SEPARATOR, i + 1)) {
      this.#boundary(base + i + 1, chunk, base);
    }
    this.#offset += chunk.length;
    this.#tail = lastBytes(this.#tail, chunk);
    this.#absorb(chunk, base);
  }

  end(): void {
    this.#finish(this.#offset, EMPTY, this.#offset);
    this.#parts = [];
    this.#partsLength = 0;
  }

  /** A message begins at absolute offset `at`; the current one ends there. */
  #boundary(at: number, chunk: Buffer, base: number): void {
    this.#finish(at, chunk, base);
    this.#start = at;
    this.#state = 'open';
    // The separator began in the previous chunk: the new message starts with the tail's last bytes.
    const carried = at < base ? Buffer.from(this.#tail.subarray(this.#tail.length - (base - at))) : EMPTY;
    this.#parts = carried.length > 0 ? [carried] : [];
    this.#partsLength = carried.length;
  }

  #finish(end: number, chunk: Buffer, base: number): void {
    if (end <= this.#start || this.#state === 'skip') return;
    if (this.#state === 'scan') {
      if (end > base) this.#sink.scan!(chunk.subarray(Math.max(0, this.#start - base), end - base));
      this.#sink.scanned!(this.#start, end);
      return;
    }
    const raw = this.#bytes(end, chunk, base);
    const wanted = this.#state === 'keep' || this.#sink.wants(raw, this.#start);
    if (wanted === 'scan') {
      this.#sink.scan!(raw);
      this.#sink.scanned!(this.#start, end);
    } else if (wanted) this.#sink.message(raw, this.#start);
  }

  /** The current message's bytes up to absolute offset `end`. */
  #bytes(end: number, chunk: Buffer, base: number): Buffer {
    if (end < base) return Buffer.concat(this.#parts, this.#partsLength - (base - end));
    const own = chunk.subarray(Math.max(0, this.#start - base), end - base);
    return this.#parts.length === 0 ? own : Buffer.concat([...this.#parts, own]);
  }

  /** The rest of the chunk belongs to the current message. */
  #absorb(chunk: Buffer, base: number): void {
    if (this.#state === 'skip') return;
    const rest = chunk.subarray(Math.max(0, this.#start - base));
    if (this.#state === 'scan') {
      this.#sink.scan!(rest);
      return;
    }
    this.#parts.push(rest);
    this.#partsLength += rest.length;
    const state = this.#state === 'open' ? this.#decide() : this.#state;
    // The reader reuses the chunk's buffer: keep a copy of what the message still needs.
    if (state === 'keep' || state === 'open') this.#parts[this.#parts.length - 1] = Buffer.from(rest);
  }

  /** Asks the sink once the header block is complete. */
  #decide(): 'open' | 'keep' | 'skip' | 'scan' {
    const head = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts, Math.min(this.#partsLength, MAX_HEADER_BYTES));
    if (findHeaderEnd(head) === -1 && this.#partsLength < MAX_HEADER_BYTES) return 'open';
    const wanted = this.#sink.wants(head, this.#start);
    this.#state = wanted === 'scan' ? 'scan' : wanted ? 'keep' : 'skip';
    if (this.#state === 'scan') for (const part of this.#parts) this.#sink.scan!(part);
    if (this.#state !== 'keep') {
      this.#parts = [];
      this.#partsLength = 0;
    }
    return this.#state;
  }
}

function lastBytes(tail: Buffer, chunk: Buffer): Buffer {
  if (chunk.length >= KEEP) return Buffer.from(chunk.subarray(chunk.length - KEEP));
  const joined = Buffer.concat([tail, chunk]);
  return joined.subarray(Math.max(0, joined.length - KEEP));
}
