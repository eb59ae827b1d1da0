import { basename } from 'node:path';
import { InputError } from '../errors.ts';
import { stripFromLine } from './header-scan.ts';
import { PASS_MBOX } from './input-kind.ts';
import { MailCollector } from './mail-collector.ts';
import type { MailInput, MailSource } from './mail-source.ts';
import { CandidateSink } from './mbox-candidates.ts';
import { MboxSplitter } from './mbox-split.ts';
import { parserFor } from './parse-pool.ts';
import type { MailboxContents, MailboxQuery, ReadProgress } from './port.ts';
import { compileQuery, screenHeaders } from './query-match.ts';
import type { CompiledQuery } from './query-match.ts';

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  /** Names each mailbox found inside a folder or archive as its reading starts (the .eml files of
   *  one input once, not file by file). */
  onSource?: (description: string) => void;
  /** Mail below this many bytes is parsed in the main thread (default parse-pool.ts's). */
  workerThresholdBytes?: number;
}

// The parser thread may fall behind the screen for a while: let it, within these bounds.
export const QUEUE_LIMITS = { messages: 500, bytes: 8 * 1024 * 1024 };

export interface Reading {
  query: CompiledQuery;
  collector: MailCollector;
  messagesRead: number;
  bytesRead: number;
  report: () => void;
}

/** Streams every source of the input once: headers are screened as they pass, only wanted messages
 *  are parsed, and all of them are threaded together. */
export async function readSources(path: string, input: MailInput, query: MailboxQuery, options: ReadOptions = {}): Promise<MailboxContents> {
  const parser = parserFor(input.estimatedBytes, options.workerThresholdBytes);
  const compiled = compileQuery(query);
  const collector = new MailCollector(compiled, parser.parse, QUEUE_LIMITS);
  const reading: Reading = {
    query: compiled,
    collector,
    messagesRead: 0,
    bytesRead: 0,
    // Once per chunk; how often to show it is the display's business (commands/progress.ts).
    report: () => options.onProgress?.({ bytesRead: reading.bytesRead, bytesTotal: input.bytesTotal, messagesMatched: collector.matched }),
  };
  const sources: string[] = [];
  let toldEml = false;
  let contents: MailboxContents;
  try {
    for await (const source of input.sources) {
      if (input.contained && (source.kind === 'mbox' || !toldEml)) options.onSource?.(source.kind === 'mbox' ? source.name : `the .eml files in ${path}`);
      toldEml ||= source.kind === 'eml';
      sources.push(source.name);
      await (source.kind === 'mbox' ? readMbox(source, reading) : readEml(source, reading));
    }
    contents = await collector.finish();
  } finally {
    await Promise.all([parser.close(), input.close?.()]);
  }
  reading.report();
  if (reading.messagesRead === 0) throw new InputError(`${path} holds no messages (read: ${sources.slice(0, 3).join(', ')}); ${PASS_MBOX}.`);
  const messagesMatched = contents.threads.reduce((n, t) => n + t.messages.length, 0) + contents.drafts.length;
  return { ...contents, stats: { messagesRead: reading.messagesRead, messagesMatched, sources } };
}

async function readMbox(source: MailSource, reading: Reading): Promise<void> {
  const sink = new CandidateSink(reading.query, source.name);
  const splitter = new MboxSplitter(sink);
  for await (const chunk of source.chunks()) {
    splitter.push(chunk);
    reading.bytesRead += chunk.length;
    for (const candidate of sink.take()) await reading.collector.add(candidate);
    reading.report();
  }
  splitter.end();
  for (const candidate of sink.take()) await reading.collector.add(candidate);
  reading.messagesRead += sink.seen;
}

/** One RFC 5322 message. A file that cannot be read is skipped with a warning; a damaged archive
 *  entry stops the read (an InputError). */
export async function readEml(source: MailSource, reading: Reading): Promise<void> {
  let raw: Buffer;
  try {
    const parts: Buffer[] = [];
    for await (const chunk of source.chunks()) parts.push(Buffer.from(chunk));
    raw = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  } catch (error) {
    if (error instanceof InputError) throw error;
    reading.collector.warn({ code: 'unreadable-file', message: `Cannot read this file: ${(error as Error).message}; skipped.`, source: source.name });
    return;
  }
  reading.bytesRead += raw.length;
  reading.messagesRead++;
  const verdict = screenHeaders(raw, reading.query);
  const id = source.inner ?? basename(source.name);
  if (verdict !== 'miss') {
    await reading.collector.add({
      raw: stripFromLine(raw),
      verdict,
      source: source.name,
      fallbackId: `eml:${id}`,
      fallbackDate: source.modified,
      fallbackDateOrigin: "the file's modification time",
      draftId: id,
    });
  }
  reading.report();
}
