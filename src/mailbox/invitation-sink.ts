import { InputError } from '../errors.ts';
import { someAddressDomain, addressAt } from './header-addresses.ts';
import { headerBlock, startsWithFromLine, stripFromLine } from './header-scan.ts';
import { notMail } from './input-kind.ts';
import type { MailIndex } from './mail-index.ts';
import type { MboxSink } from './mbox-split.ts';
import { unescapeMbox } from './mbox-unescape.ts';
import { parseFromLineDate } from './message-date.ts';

// The one pass of the invitation search over an mbox: every message's place and header addresses
// go into the index; a message whose header block says it has parts (or is a calendar) is looked at
// whole, and kept if a calendar part shows in it. Only byte searches: no string is made of the rest.

/** What a header block shows of a message that may carry a calendar part. */
const MAY_HAVE_PARTS = ['multipart/', 'Multipart/', 'MULTIPART/', 'text/calendar', 'Text/Calendar', 'TEXT/CALENDAR', 'application/ics'].map((s) => Buffer.from(s));
/** What a calendar part shows in a message: its MIME type or an .ics file name. */
const CALENDAR_PART = ['text/calendar', 'Text/Calendar', 'TEXT/CALENDAR', 'application/ics', 'Application/ics', '.ics', '.ICS'].map((s) => Buffer.from(s));

function containsAny(bytes: Buffer, needles: readonly Buffer[]): boolean {
  return needles.some((n) => bytes.includes(n));
}

/** The header block says the message has parts, or is a calendar itself. */
export function mayCarryParts(block: Buffer): boolean {
  return containsAny(block, MAY_HAVE_PARTS);
}

/** A calendar part (its MIME type or an .ics name) shows somewhere in the message. */
export function showsCalendarPart(raw: Buffer): boolean {
  return containsAny(raw, CALENDAR_PART);
}

/** A message that may hold an invitation, ready to parse. */
export interface CalendarCandidate {
  raw: Buffer;
  source: string;
  fallbackId: string;
  fallbackDate?: Date;
}

export class InvitationSink implements MboxSink {
  readonly #index: MailIndex;
  readonly #source: number;
  readonly #path: string;
  #pending: CalendarCandidate[] = [];
  #maybe = false;
  seen = 0;

  constructor(index: MailIndex, source: number, path: string) {
    this.#index = index;
    this.#source = source;
    this.#path = path;
  }

  wants(head: Buffer, offset: number): boolean {
    if (offset === 0 && !startsWithFromLine(head)) throw new InputError(notMail(this.#path, head));
    this.seen++;
    const block = headerBlock(head);
    const message = this.#index.begin(this.#source, offset);
    someAddressDomain(block, (domain, at) => {
      this.#index.note(message, domain, () => addressAt(block, at));
      return false;
    });
    this.#maybe = mayCarryParts(block);
    return this.#maybe;
  }

  message(raw: Buffer, offset: number): void {
    if (!this.#maybe || !showsCalendarPart(raw)) return;
    const firstLine = raw.toString('latin1', 0, Math.min(raw.length, 600)).split('\n', 1)[0] ?? '';
    this.#pending.push({
      raw: Buffer.from(unescapeMbox(stripFromLine(raw))),
      source: `${this.#path}@${offset}`,
      fallbackId: `mbox:${offset}`,
      ...(startsWithFromLine(raw) ? { fallbackDate: parseFromLineDate(firstLine) } : {}),
    });
  }

  take(): CalendarCandidate[] {
    const taken = this.#pending;
    this.#pending = [];
    return taken;
  }
}
