import { InputError } from '../errors.ts';
import { headerBlock, startsWithFromLine, stripFromLine } from './header-scan.ts';
import { notMail } from './input-kind.ts';
import type { Candidate } from './mail-collector.ts';
import type { MailIndex } from './mail-index.ts';
import { mboxCandidate } from './mbox-candidates.ts';
import type { MboxSink } from './mbox-split.ts';
import { unescapeMbox } from './mbox-unescape.ts';
import { parseFromLineDate } from './message-date.ts';
import { screenHeaders, type CompiledQuery, type Verdict } from './query-match.ts';

// The one pass of the invitation search over an mbox, one walk over each header block: the
// message's place and addresses go into the index; the header screen says whether it is mail the
// next read will want (parsed ahead); and a recent message whose header says it has parts (or is a
// calendar) is looked at whole, and kept if a calendar part shows in it. Byte searches only.

const CONTENT_TYPE = ['\nContent-Type:', '\ncontent-type:', '\nContent-type:'].map((s) => Buffer.from(s));
/** What a calendar part shows in a message: its MIME type ("text/calendar", any capital C) or an
 *  .ics file name ("invite.ics", "application/ics" parts come with one). Two byte searches over the
 *  whole message are most of the pass's cost, so no more: the parser decides what it really is. */
const CALENDAR_PART = ['alendar', '.ics'].map((s) => Buffer.from(s));
const DATE_LINE = Buffer.from('\nDate:');
const LF = 0x0a;

/** The value of a header line found at `at` (its name ends at `from`), up to the line's end. */
function lineValue(block: Buffer, from: number, max = 200): string {
  const end = block.indexOf(LF, from);
  return block.toString('latin1', from, end === -1 ? Math.min(block.length, from + max) : Math.min(end, from + max)).trim();
}

/** The header block says the message has parts, or is a calendar itself (its top Content-Type). */
export function mayCarryParts(block: Buffer): boolean {
  for (const name of CONTENT_TYPE) {
    const at = block.indexOf(name);
    if (at === -1) continue;
    const type = lineValue(block, at + name.length, 60).toLowerCase();
    return type.startsWith('multipart/') || type.startsWith('text/calendar') || type.startsWith('application/ics');
  }
  return false;
}

/** A calendar part (its MIME type or an .ics name) shows somewhere in the message. */
export function showsCalendarPart(raw: Buffer): boolean {
  return CALENDAR_PART.some((n) => raw.includes(n));
}

/** The instant of the block's Date header when it has a plain one, else undefined. */
export function blockDate(block: Buffer): number | undefined {
  const at = block.indexOf(DATE_LINE);
  if (at === -1) return undefined;
  const time = Date.parse(lineValue(block, at + DATE_LINE.length));
  return Number.isNaN(time) ? undefined : time;
}

/** A message that may hold an invitation, ready to parse. */
export interface CalendarCandidate {
  raw: Buffer;
  source: string;
  fallbackId: string;
  fallbackDate?: Date;
}

/** A message of an mbox that may hold an invitation, ready to parse. */
export function calendarCandidate(raw: Buffer, offset: number, path: string): CalendarCandidate {
  const firstLine = raw.toString('latin1', 0, Math.min(raw.length, 600)).split('\n', 1)[0] ?? '';
  return {
    raw: Buffer.from(unescapeMbox(stripFromLine(raw))),
    source: `${path}@${offset}`,
    fallbackId: `mbox:${offset}`,
    ...(startsWithFromLine(raw) ? { fallbackDate: parseFromLineDate(firstLine) } : {}),
  };
}

export interface InvitationSinkOptions {
  index: MailIndex;
  source: number;
  path: string;
  /** Invitations older than this are not looked for (most of a mailbox is). */
  since: Date;
  /** Messages older than this are not indexed: no read will want them. */
  indexSince: Date;
  /** The mail expected next (it can widen as the pass learns whom to expect). */
  expected: () => CompiledQuery;
  /** The source can be read again by position: a possible invitation is then only scanned as it
   *  goes by (nothing copied), and read again if it shows a calendar part. */
  scannable: boolean;
}

/** Where a message that shows a calendar part is, to read it again. */
export interface CalendarPlace {
  start: number;
  end: number;
}

const LONGEST_NEEDLE = Math.max(...CALENDAR_PART.map((n) => n.length));

export class InvitationSink implements MboxSink {
  readonly #o: InvitationSinkOptions;
  #calendar: CalendarCandidate[] = [];
  #places: CalendarPlace[] = [];
  #expected: Candidate[] = [];
  #found = false;
  #tail: Buffer = Buffer.alloc(0);
  #maybeCalendar = false;
  #verdict: Verdict = 'miss';
  seen = 0;

  constructor(options: InvitationSinkOptions) {
    this.#o = options;
  }

  wants(head: Buffer, offset: number): boolean | 'scan' {
    const o = this.#o;
    if (offset === 0 && !startsWithFromLine(head)) throw new InputError(notMail(o.path, head));
    this.seen++;
    const block = headerBlock(head);
    const date = blockDate(block);
    const indexed = date === undefined || date >= o.indexSince.getTime();
    const message = o.index.begin(o.source, offset, indexed);
    this.#verdict = screenHeaders(head, o.expected(), indexed ? (domain, address) => o.index.note(message, domain, address) : undefined);
    this.#maybeCalendar = (date === undefined || date >= o.since.getTime()) && mayCarryParts(block);
    if (this.#verdict === 'miss' && this.#maybeCalendar && o.scannable) {
      this.#found = false;
      this.#tail = Buffer.alloc(0);
      return 'scan';
    }
    return this.#maybeCalendar || this.#verdict !== 'miss';
  }

  scan(piece: Buffer): void {
    if (this.#found) return;
    // A needle may straddle two pieces: look at the joint too.
    const joint = Buffer.concat([this.#tail, piece.subarray(0, LONGEST_NEEDLE - 1)]);
    this.#found = showsCalendarPart(joint) || showsCalendarPart(piece);
    this.#tail = Buffer.from(piece.subarray(Math.max(0, piece.length - (LONGEST_NEEDLE - 1))));
  }

  scanned(start: number, end: number): void {
    if (this.#found) this.#places.push({ start, end });
  }

  message(raw: Buffer, offset: number): void {
    const o = this.#o;
    if (this.#verdict !== 'miss') this.#expected.push(mboxCandidate(raw, offset, this.#verdict, o.path));
    if (!this.#maybeCalendar || !showsCalendarPart(raw)) return;
    this.#calendar.push(calendarCandidate(raw, offset, o.path));
  }

  /** The messages that may hold invitations (or where they are), and those the next read will want. */
  take(): { calendar: CalendarCandidate[]; places: CalendarPlace[]; expected: Candidate[] } {
    const taken = { calendar: this.#calendar, places: this.#places, expected: this.#expected };
    this.#calendar = [];
    this.#places = [];
    this.#expected = [];
    return taken;
  }
}
