import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerBlock } from '../../src/mailbox/header-scan.ts';
import { MboxSplitter } from '../../src/mailbox/mbox-split.ts';
import { unescapeMbox } from '../../src/mailbox/mbox-unescape.ts';

const WANTED = 'X-Want';
const wantsBlock = (message: Buffer): boolean => headerBlock(message).toString('latin1').includes(WANTED);

/** What the splitter should find: a message starts at 0 and after every "\n" followed by "From ". */
function naiveSplit(mbox: Buffer): { offset: number; raw: string }[] {
  const starts = [0];
  for (let i = mbox.indexOf('\nFrom '); i !== -1; i = mbox.indexOf('\nFrom ', i + 1)) starts.push(i + 1);
  starts.push(mbox.length);
  return starts
    .slice(0, -1)
    .map((start, k) => ({ offset: start, raw: mbox.subarray(start, starts[k + 1]) }))
    .filter(({ raw }) => raw.length > 0 && wantsBlock(raw))
    .map(({ offset, raw }) => ({ offset, raw: raw.toString('latin1') }));
}

function split(mbox: Buffer, cuts: number[]): { offset: number; raw: string }[] {
  const found: { offset: number; raw: string }[] = [];
  let asked = -1;
  const splitter = new MboxSplitter({
    wants: (head, offset) => {
      expect(offset).toBeGreaterThan(asked);
      asked = offset;
      return wantsBlock(head);
    },
    message: (raw, offset) => found.push({ offset, raw: raw.toString('latin1') }),
  });
  let from = 0;
  for (const cut of [...cuts, mbox.length]) {
    // The reader reuses its buffers: hand over a copy and scribble on it afterwards.
    const chunk = Buffer.from(mbox.subarray(from, Math.max(from, cut)));
    splitter.push(chunk);
    chunk.fill(0x23);
    from = Math.max(from, cut);
  }
  splitter.end();
  return found;
}

const PIECES = ['From ', 'From a@b Mon Nov 23 10:00:00 2026', '\n', '\r\n', '\r\n\r\n', '\n\n', `${WANTED}: 1`, 'To: a@b', '>', 'x', ' '];
const mboxText = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((p) => Buffer.from(p.join(''), 'latin1'));

describe('MboxSplitter', () => {
  it('finds the same messages as splitting the whole file, however the chunks fall', () => {
    fc.assert(
      fc.property(mboxText, fc.array(fc.nat(400)), (mbox, rawCuts) => {
        const cuts = [...rawCuts].sort((a, b) => a - b).map((c) => Math.min(c, mbox.length));
        expect(split(mbox, cuts)).toEqual(naiveSplit(mbox));
      }),
      { numRuns: 500 },
    );
  });

  it('finds a separator split across chunks at every position', () => {
    const mbox = Buffer.from(`From a Mon\r\n${WANTED}: 1\r\n\r\nbody\r\n\r\nFrom b Tue\r\n${WANTED}: 2\r\n\r\nmore\r\n`);
    const expected = naiveSplit(mbox);
    expect(expected).toHaveLength(2);
    for (let cut = 0; cut <= mbox.length; cut++) expect(split(mbox, [cut])).toEqual(expected);
  });

  it('asks once the header block is complete and never gathers a skipped message', () => {
    const body = 'y'.repeat(10_000);
    const mbox = Buffer.from(`From a\nTo: x@y\n\n${body}\nFrom b\n${WANTED}: 1\n\nshort\n`);
    const heads: number[] = [];
    const kept: string[] = [];
    const splitter = new MboxSplitter({
      wants: (head) => {
        heads.push(head.length);
        return wantsBlock(head);
      },
      message: (raw) => kept.push(raw.toString()),
    });
    for (let i = 0; i < mbox.length; i += 100) splitter.push(mbox.subarray(i, i + 100));
    splitter.end();
    expect(heads[0]).toBe(100);
    expect(kept).toEqual([`From b\n${WANTED}: 1\n\nshort\n`]);
  });
});

describe('unescapeMbox', () => {
  it.each([
    ['>From here\r\n', '>From here\r\n'],
    ['a\r\n>From here\r\n', 'a\r\nFrom here\r\n'],
    ['a\n>>From here\n>>>From there\n', 'a\n>From here\n>>From there\n'],
    ['a\n> From here\n>Fro\n>', 'a\n> From here\n>Fro\n>'],
    ['a\n>From ', 'a\nFrom '],
  ])('%j → %j', (input, output) => {
    expect(unescapeMbox(Buffer.from(input)).toString()).toBe(output);
  });
});
