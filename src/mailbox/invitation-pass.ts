import { basename } from 'node:path';
import type { Invitation, InvitationMessage } from '../core/invitation.ts';
import type { Warning } from '../core/warnings.ts';
import { InputError } from '../errors.ts';
import { invitationsOf } from '../invitations/message-invitations.ts';
import { IGNORED_LABELS } from './gmail-labels.ts';
import { someAddressDomain, addressAt } from './header-addresses.ts';
import { headerBlock, stripFromLine } from './header-scan.ts';
import { PASS_MBOX } from './input-kind.ts';
import { MailIndex } from './mail-index.ts';
import type { MailInput, MailSource } from './mail-source.ts';
import { MboxSplitter } from './mbox-split.ts';
import { InvitationSink, mayCarryParts, showsCalendarPart, type CalendarCandidate } from './invitation-sink.ts';
import type { ParsedMessage } from './parse-message.ts';
import { parserFor, type Parser } from './parse-pool.ts';
import type { InvitationsRead } from './port.ts';
import type { ReadOptions } from './read-sources.ts';

// The one pass over an mbox input when interviews are to be found in it: the invitations, and an
// index of where every message is and whom it names (mail-index.ts), so that the mail about the
// interviews found is then read by position (indexed-read.ts), not by a second pass.

export interface InvitationPass extends InvitationsRead {
  index: MailIndex;
}

interface Pass {
  since: Date;
  parser: Parser;
  index: MailIndex;
  invitations: Invitation[];
  warnings: Warning[];
  messagesRead: number;
  bytesRead: number;
  report: () => void;
}

function invitationMessage(parsed: ParsedMessage): InvitationMessage {
  const { message, sender } = parsed;
  return {
    id: message.id,
    threadId: message.threadId,
    ...(message.messageId ? { messageId: message.messageId } : {}),
    subject: message.subject,
    ...(message.from ? { from: message.from } : {}),
    ...(sender ? { sender } : {}),
    to: message.to,
    cc: message.cc,
    date: message.date,
    labels: message.labels,
  };
}

function headerAddresses(raw: Buffer): string[] {
  const block = headerBlock(raw);
  const found = new Set<string>();
  someAddressDomain(block, (_d, at) => {
    found.add(addressAt(block, at));
    return false;
  });
  return [...found];
}

async function take(candidate: CalendarCandidate, pass: Pass): Promise<void> {
  const outcome = await pass.parser.parse(candidate.raw, { source: candidate.source, fallbackId: candidate.fallbackId, fallbackDate: candidate.fallbackDate });
  const parsed = outcome.parsed;
  if (parsed === undefined) {
    pass.warnings.push(...outcome.warnings.map((w) => ({ ...w, evidence: { addresses: headerAddresses(candidate.raw) } })));
    return;
  }
  if (parsed.message.date < pass.since || parsed.message.labels.some((l) => IGNORED_LABELS.has(l)) || !parsed.calendarTexts) return;
  const read = await invitationsOf(parsed.calendarTexts, invitationMessage(parsed), candidate.source);
  pass.invitations.push(...read.invitations);
  pass.warnings.push(...read.warnings);
}

async function passMbox(source: MailSource, n: number, pass: Pass): Promise<void> {
  const sink = new InvitationSink(pass.index, n, source.name);
  const splitter = new MboxSplitter(sink);
  let bytes = 0;
  for await (const chunk of source.chunks()) {
    splitter.push(chunk);
    bytes += chunk.length;
    pass.bytesRead += chunk.length;
    for (const candidate of sink.take()) await take(candidate, pass);
    pass.report();
  }
  splitter.end();
  for (const candidate of sink.take()) await take(candidate, pass);
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
  const message = pass.index.begin(n, 0);
  const block = headerBlock(raw);
  someAddressDomain(block, (domain, at) => {
    pass.index.note(message, domain, () => addressAt(block, at));
    return false;
  });
  pass.index.endSource(n, raw.length);
  if (!mayCarryParts(block) || !showsCalendarPart(raw)) return;
  await take({ raw, source: source.name, fallbackId: `eml:${source.inner ?? basename(source.name)}`, ...(source.modified ? { fallbackDate: source.modified } : {}) }, pass);
}

/** Streams every source of the input once: the invitations since `since`, and the index. */
export async function invitationPass(path: string, input: MailInput, since: Date, options: ReadOptions = {}): Promise<InvitationPass> {
  const pass: Pass = {
    since, parser: parserFor(input.estimatedBytes, options.workerThresholdBytes), index: new MailIndex(),
    invitations: [], warnings: [], messagesRead: 0, bytesRead: 0,
    report: () => options.onProgress?.({ bytesRead: pass.bytesRead, bytesTotal: input.bytesTotal }),
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
  } finally {
    await Promise.all([pass.parser.close(), input.close?.()]);
  }
  if (pass.messagesRead === 0) throw new InputError(`${path} holds no messages (read: ${names.slice(0, 3).join(', ')}); ${PASS_MBOX}.`);
  return { invitations: pass.invitations, warnings: pass.warnings, messagesRead: pass.messagesRead, index: pass.index };
}
