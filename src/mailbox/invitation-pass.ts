import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { DAY_MS } from '../core/calendar.ts';
import type { Invitation } from '../core/invitation.ts';
import type { Warning } from '../core/warnings.ts';
import { InputError } from '../errors.ts';
import { invitationMessageOf, invitationsOf } from '../invitations/message-invitations.ts';
import { IGNORED_LABELS } from './gmail-labels.ts';
import { addressAt, blockAddresses, someAddressDomain } from './header-addresses.ts';
import { headerBlock, stripFromLine } from './header-scan.ts';
import { PASS_MBOX } from './input-kind.ts';
import { MailIndex } from './mail-index.ts';
import { readRange, type MailInput, type MailSource } from './mail-source.ts';
import type { Candidate } from './mail-collector.ts';
import { MboxSplitter } from './mbox-split.ts';
import { calendarCandidate, InvitationSink, mayCarryParts, showsCalendarPart, type CalendarCandidate } from './invitation-sink.ts';
import type { ParseOutcome } from './parse-message.ts';
import { parserFor, type Parser } from './parse-pool.ts';
import { Expecting } from './expected-mail.ts';
import type { InvitationReadOptions, InvitationsRead, MailboxQuery } from './port.ts';
import { LOOK_BACK_DAYS } from './query-for-interviews.ts';
import type { ReadOptions } from './read-sources.ts';

// The one pass over an mbox input when interviews are to be found in it: the invitations, and an
// index of where every message is and whom it names (mail-index.ts), so that the mail about the
// interviews found is then read by position (indexed-read.ts), not by a second pass. On the way,
// the mail the next read will likely want — the configured interviews', and that of the people of
// the invitations seen so far — is parsed ahead, beside the scan, in the parser's thread.

export interface InvitationPass extends InvitationsRead {
  index: MailIndex;
  /** Parses made ahead, by candidate source ("file@offset"). */
  ahead: ReadonlyMap<string, Promise<ParseOutcome>>;
}

// Parses ahead in flight at once, and their bytes: past either the scan waits (bounded memory, as
// the streaming read's queue).
const AHEAD_IN_FLIGHT = 200;
const AHEAD_BYTES = 8 * 1024 * 1024;

interface Pass {
  since: Date;
  parser: Parser;
  index: MailIndex;
  invitations: Invitation[];
  warnings: Warning[];
  messagesRead: number;
  bytesRead: number;
  report: () => void;
  expect: Expecting;
  ahead: Map<string, Promise<ParseOutcome>>;
  inFlight: { outcome: Promise<ParseOutcome>; bytes: number }[];
  inFlightBytes: number;
  /** Invitations being read: the scan goes on meanwhile (the parser's queue may be long). */
  reading: Promise<void>[];
}

async function take(candidate: CalendarCandidate, pass: Pass): Promise<void> {
  const outcome = await pass.parser.parse(candidate.raw, { source: candidate.source, fallbackId: candidate.fallbackId, fallbackDate: candidate.fallbackDate });
  const parsed = outcome.parsed;
  if (parsed === undefined) {
    pass.warnings.push(...outcome.warnings.map((w) => ({ ...w, evidence: { addresses: blockAddresses(headerBlock(candidate.raw)) } })));
    return;
  }
  if (parsed.message.date < pass.since || parsed.message.labels.some((l) => IGNORED_LABELS.has(l)) || !parsed.calendarTexts) return;
  const read = await invitationsOf(parsed.calendarTexts, invitationMessageOf(parsed.message, parsed.sender), candidate.source);
  pass.invitations.push(...read.invitations);
  pass.warnings.push(...read.warnings);
  pass.expect.learn(read.invitations);
}

/** Starts parsing the expected candidates, waiting only when too many are under way. */
async function parseAhead(candidates: readonly Candidate[], pass: Pass): Promise<void> {
  for (const candidate of candidates) {
    const outcome = pass.parser.parse(candidate.raw, candidate);
    pass.ahead.set(candidate.source, outcome);
    pass.inFlight.push({ outcome, bytes: candidate.raw.length });
    pass.inFlightBytes += candidate.raw.length;
    while (pass.inFlight.length > AHEAD_IN_FLIGHT || pass.inFlightBytes > AHEAD_BYTES) {
      const oldest = pass.inFlight.shift()!;
      pass.inFlightBytes -= oldest.bytes;
      await oldest.outcome;
    }
  }
}

async function drain(sink: InvitationSink, pass: Pass, source: MailSource, file: FileHandle | undefined): Promise<void> {
  const { calendar, places, expected } = sink.take();
  for (const candidate of calendar) pass.reading.push(take(candidate, pass));
  for (const place of places) pass.reading.push(readRange(file!, place.start, place.end).then((raw) => take(calendarCandidate(raw, place.start, source.name), pass)));
  await parseAhead(expected, pass);
}

async function passMbox(source: MailSource, n: number, pass: Pass): Promise<void> {
  const file = source.file === undefined ? undefined : await open(source.file, 'r').catch(() => undefined);
  const sink = new InvitationSink({
    index: pass.index, source: n, path: source.name, since: pass.since, indexSince: pass.index.coveredSince,
    expected: () => pass.expect.query, scannable: file !== undefined,
  });
  const splitter = new MboxSplitter(sink);
  let bytes = 0;
  try {
    for await (const chunk of source.chunks()) {
      splitter.push(chunk);
      bytes += chunk.length;
      pass.bytesRead += chunk.length;
      await drain(sink, pass, source, file);
      pass.report();
    }
    splitter.end();
    await drain(sink, pass, source, file);
    await Promise.all(pass.reading);
  } finally {
    await file?.close();
  }
  pass.index.endSource(n, bytes);
  pass.messagesRead += sink.seen;
}

async function passEml(source: MailSource, n: number, pass: Pass): Promise<void> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of source.chunks()) parts.push(Buffer.from(chunk));
  } catch (error) {
    if (error instanceof InputError) throw error;
    pass.warnings.push({ code: 'unreadable-file', message: `Cannot read this file: ${(error as Error).message}; skipped.`, source: source.name });
    return;
  }
  const raw = stripFromLine(Buffer.concat(parts));
  pass.bytesRead += raw.length;
  pass.messagesRead++;
  const message = pass.index.begin(n, 0, true);
  const block = headerBlock(raw);
  someAddressDomain(block, (domain, at) => {
    pass.index.note(message, domain, () => addressAt(block, at));
    return false;
  });
  pass.index.endSource(n, raw.length);
  if (!mayCarryParts(block) || !showsCalendarPart(raw)) return;
  await take({ raw, source: source.name, fallbackId: `eml:${source.inner ?? basename(source.name)}`, ...(source.modified ? { fallbackDate: source.modified } : {}) }, pass);
}

/** Mail older than this no read will want: the found interviews are within the search, and the
 *  read looks back LOOK_BACK_DAYS before the earliest start (the configured ones' is in `expect`). */
function indexSince(since: Date, expect: MailboxQuery | undefined): Date {
  const found = since.getTime() - LOOK_BACK_DAYS * DAY_MS;
  return new Date(Math.min(found, expect?.since.getTime() ?? found));
}

/** Streams every source of the input once: the invitations since `since`, and the index. */
export async function invitationPass(path: string, input: MailInput, since: Date, options: ReadOptions & InvitationReadOptions = {}): Promise<InvitationPass> {
  const pass: Pass = {
    since, parser: parserFor(input.estimatedBytes, options.workerThresholdBytes), index: new MailIndex(indexSince(since, options.expect)),
    invitations: [], warnings: [], messagesRead: 0, bytesRead: 0,
    report: () => options.onProgress?.({ bytesRead: pass.bytesRead, bytesTotal: input.bytesTotal }),
    expect: new Expecting(options.expect, options.mine ?? [], since), ahead: new Map(), inFlight: [], inFlightBytes: 0, reading: [],
  };
  const names: string[] = [];
  let toldEml = false;
  try {
    let n = 0;
    for await (const source of input.sources) {
      if (input.contained && (source.kind === 'mbox' || !toldEml)) options.onSource?.(source.kind === 'mbox' ? source.name : `the .eml files in ${path}`);
      toldEml ||= source.kind === 'eml';
      names.push(source.name);
      await (source.kind === 'mbox' ? passMbox(source, n, pass) : passEml(source, n, pass));
      n++;
    }
    await Promise.all([...pass.reading, ...pass.inFlight.map((f) => f.outcome)]);
  } finally {
    await Promise.all([pass.parser.close(), input.close?.()]);
  }
  if (pass.messagesRead === 0) throw new InputError(`${path} holds no messages (read: ${names.slice(0, 3).join(', ')}); ${PASS_MBOX}.`);
  return { invitations: pass.invitations, warnings: pass.warnings, messagesRead: pass.messagesRead, index: pass.index, ahead: pass.ahead };
}
