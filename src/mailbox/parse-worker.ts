// The thread ParsePool runs: parses the messages it is sent, a few at a time (mailparser waits on
// its own streams between steps, so one at a time would leave the thread idle).
import { parentPort } from 'node:worker_threads';
import { parseMessage } from './parse-message.ts';
import type { ParseOptions } from './parse-message.ts';

export interface ParseJob {
  id: number;
  raw: Uint8Array;
  options: ParseOptions;
}

const CONCURRENCY = 2;
const queue: ParseJob[] = [];
let running = 0;

parentPort?.on('message', (job: ParseJob) => {
  queue.push(job);
  pump();
});

function pump(): void {
  while (running < CONCURRENCY && queue.length > 0) {
    const job = queue.shift()!;
    running++;
    const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
    const { id } = job;
    void parseMessage(raw, job.options).then((outcome) => {
      running--;
      parentPort?.postMessage({ id, outcome });
      pump();
    });
  }
}
