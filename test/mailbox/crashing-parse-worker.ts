// For parse-pool.test.ts: parse-worker.ts, except that the thread dies on a message with an
// "X-Crash: yes" header, as it would if mailparser exhausted its memory on it.
import { parentPort } from 'node:worker_threads';
import type { ParseJob } from '../../src/mailbox/parse-worker.ts';

parentPort?.on('message', (job: ParseJob) => {
  if (Buffer.from(job.raw).includes('X-Crash: yes')) process.exit(3);
});
await import('../../src/mailbox/parse-worker.ts');
