import { open } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { MailCollector, type Parse } from './mail-collector.ts';
import type { MailIndex, MessagePlace } from './mail-index.ts';
import { readRange, type MailInput, type MailSource } from './mail-source.ts';
import { CandidateSink } from './mbox-candidates.ts';
import { MboxSplitter, type MboxSink } from './mbox-split.ts';
import type { ParseOutcome } from './parse-message.ts';
import { parserFor } from './parse-pool.ts';
import type { MailboxContents, MailboxQuery } from './port.ts';
import { compileQuery } from './query-match.ts';
import { QUEUE_LIMITS, readEml, type Reading, type ReadOptions } from './read-sources.ts';

// The mail about the interviews, read from the places the invitation pass indexed: the messages
// whose headers may match go through the same header screen and parser as a streaming read, so the
// result is the same — a plain file by position, an archive entry by streaming it again.

/** The messages at these byte ranges of a plain mbox file, read by position. */
async function* byPosition(file: string, places: readonly MessagePlace[]): AsyncGenerator<{ raw: Buffer; start: number }> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new InputError(`Cannot read ${file} again (${(error as Error).message}).`, { cause: error });
  });
  try {
    for (const place of places) yield { raw: await readRange(handle, place.start, place.end), start: place.start };
  } finally {
    await handle.close();
  }
}

/** The same, from a source that can only be streamed: its wanted messages as they pass. */
async function* byStreaming(source: MailSource, places: readonly MessagePlace[]): AsyncGenerator<{ raw: Buffer; start: number }> {
  const wanted = new Set(places.map((p) => p.start));
  const found: { raw: Buffer; start: number }[] = [];
  const sink: MboxSink = {
    wants: (_head, offset) => wanted.has(offset),
    message: (raw, offset) => void found.push({ raw: Buffer.from(raw), start: offset }),
  };
  const splitter = new MboxSplitter(sink);
  for await (const chunk of source.chunks()) {
    splitter.push(chunk);
    yield* found.splice(0);
  }
  splitter.end();
  yield* found.splice(0);
}

async function readPlaces(source: MailSource, places: readonly MessagePlace[], reading: Reading): Promise<void> {
  if (source.kind === 'eml') return readEml(source, reading);
  const messages = source.file !== undefined ? byPosition(source.file, places) : byStreaming(source, places);
  const sink = new CandidateSink(reading.query, source.name);
  for await (const { raw, start } of messages) {
    reading.bytesRead += raw.length;
    if (sink.wants(raw, start)) sink.message(raw, start);
    for (const candidate of sink.take()) await reading.collector.add(candidate);
    reading.report();
  }
}

// More messages than this left to parse: the parser's thread, whose memory stays bounded.
const IN_THREAD_MESSAGES = 300;

/** Reads what the query wants from the places `index` holds for `input` (reopened for this read).
 *  Messages the pass already parsed (`ahead`) are not parsed again. */
export async function readIndexed(input: MailInput, pass: { index: MailIndex; ahead: ReadonlyMap<string, Promise<ParseOutcome>> }, query: MailboxQuery, options: ReadOptions = {}): Promise<MailboxContents> {
  const { index, ahead } = pass;
  const bySource = new Map<number, MessagePlace[]>();
  for (const place of index.lookup(query)) bySource.set(place.source, [...(bySource.get(place.source) ?? []), place]);
  const places = [...bySource.values()].flat();
  const bytes = places.reduce((sum, p) => sum + (p.end - p.start), 0);
  const parser = parserFor(places.length - ahead.size > IN_THREAD_MESSAGES ? undefined : bytes, options.workerThresholdBytes);
  const parse: Parse = (raw, parseOptions) => ahead.get(parseOptions.source) ?? parser.parse(raw, parseOptions);
  const compiled = compileQuery(query);
  const collector = new MailCollector(compiled, parse, QUEUE_LIMITS);
  const reading: Reading = {
    query: compiled, collector, messagesRead: 0, bytesRead: 0,
    report: () => options.onProgress?.({ messagesMatched: collector.matched }),
  };
  const sources: string[] = [];
  let contents: MailboxContents;
  try {
    let n = 0;
    for await (const source of input.sources) {
      sources.push(source.name);
      const places = bySource.get(n++);
      if (places) await readPlaces(source, places, reading);
    }
    contents = await collector.finish();
  } finally {
    await Promise.all([parser.close(), input.close?.()]);
  }
  const messagesMatched = contents.threads.reduce((count, t) => count + t.messages.length, 0) + contents.drafts.length;
  return { ...contents, stats: { messagesRead: index.messages, messagesMatched, sources } };
}
