import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Parse } from './mail-collector.ts';
import type { ParseOptions, ParseOutcome } from './parse-message.ts';
import type { ParseJob } from './parse-worker.ts';

interface Pending {
  job: ParseJob;
  attempts: number;
  resolve: (outcome: ParseOutcome) => void;
}

const MAX_ATTEMPTS = 2;
// mailparser makes much short-lived garbage. In the main thread V8 answers by growing its young
// generation to 64 MB, which nothing can cap in a running thread, except a worker's resourceLimits;
// a small old generation makes it collect (and free mailparser's buffers) early too: 1 GB of mbox
// then peaks about 40 MB lower. Messages too large for these limits are parsed in the main thread.
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 64 };
const IN_THREAD_BYTES = 4 * 1024 * 1024;

/** Below this much mail, parsing in the main thread is cheaper: the worker costs 50-100 ms and tens
 *  of MB to start, more than it saves on a few messages. */
export const WORKER_THRESHOLD_BYTES = 8 * 1024 * 1024;

export interface Parser {
  parse: Parse;
  close(): Promise<void>;
}

/** Where to parse an input of about this many bytes (unknown: a worker). */
export function parserFor(estimatedBytes: number | undefined, threshold = WORKER_THRESHOLD_BYTES): Parser {
  if (estimatedBytes !== undefined && estimatedBytes < threshold) {
    return { parse: parseInThread, close: async () => undefined };
  }
  const pool = new ParsePool();
  return { parse: (raw, options) => pool.parse(raw, options), close: () => pool.close() };
}

/** Parses messages (parseMessage) in a worker thread, so the mbox screen keeps its core and
 *  mailparser's memory stays bounded. After the thread dies, jobs go one at a time to a new one, so
 *  the message it dies on twice is known: that one is parsed in the main thread instead. */
export class ParsePool {
  readonly #script: URL;
  readonly #inFlight = new Map<number, Pending>();
  readonly #waiting: Pending[] = [];
  #worker: Worker | undefined;
  #oneAtATime = false;
  #nextId = 0;

  /** `script` is for tests: a thread that behaves like parse-worker.ts. The default has this
   *  module's extension: parse-worker.ts from src/, parse-worker.js once built into dist/. */
  constructor(script: URL = new URL(`./parse-worker${extname(import.meta.url)}`, import.meta.url)) {
    this.#script = script;
  }

  parse(raw: Buffer, options: ParseOptions): Promise<ParseOutcome> {
    if (raw.length > IN_THREAD_BYTES) return parseInThread(raw, options);
    // Copies: the message is a view of a read buffer that will be reused, and a structured clone of
    // a view (or of an object holding one) would copy the whole buffer.
    const { source, fallbackId, fallbackDate, fallbackDateOrigin } = options;
    const job: ParseJob = {
      id: this.#nextId++,
      raw: new Uint8Array(raw),
      options: { source, fallbackId, fallbackDate, fallbackDateOrigin },
    };
    return new Promise((resolve) => this.#send({ job, attempts: 0, resolve }));
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #send(pending: Pending): void {
    if (this.#oneAtATime && this.#inFlight.size > 0) {
      this.#waiting.push(pending);
      return;
    }
    pending.attempts++;
    this.#inFlight.set(pending.job.id, pending);
    (this.#worker ?? this.#start()).postMessage(pending.job);
  }

  #start(): Worker {
    const worker = new Worker(this.#script, { resourceLimits: RESOURCE_LIMITS });
    worker.on('message', ({ id, outcome }: { id: number; outcome: ParseOutcome }) => {
      this.#inFlight.get(id)?.resolve(outcome);
      this.#inFlight.delete(id);
      const next = this.#waiting.shift();
      if (next !== undefined) this.#send(next);
    });
    worker.on('error', () => this.#lost(worker));
    worker.on('exit', () => this.#lost(worker));
    this.#worker = worker;
    return worker;
  }

  #lost(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    this.#oneAtATime = true;
    const jobs = [...this.#inFlight.values(), ...this.#waiting.splice(0)];
    this.#inFlight.clear();
    for (const pending of jobs) {
      if (pending.attempts < MAX_ATTEMPTS) this.#send(pending);
      else void parseInThread(Buffer.from(pending.job.raw), pending.job.options).then(pending.resolve);
    }
  }
}

async function parseInThread(raw: Buffer, options: ParseOptions): Promise<ParseOutcome> {
  const { parseMessage } = await import('./parse-message.ts');
  return parseMessage(raw, options);
}
