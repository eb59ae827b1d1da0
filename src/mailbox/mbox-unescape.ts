// mboxrd (and mboxo) quote body lines that begin with "From " as ">From " (">>From " for a line that
// already began with ">From "): one ">" comes off each such line.
// https://www.loc.gov/preservation/digital/formats/fdd/fdd000385.shtml

const QUOTED = Buffer.from('\n>');
const GT = 0x3e;
const FROM = Buffer.from('From ');

/** The message with mbox quoting undone; the same buffer when nothing was quoted. */
export function unescapeMbox(raw: Buffer): Buffer {
  const cuts: number[] = [];
  for (let i = raw.indexOf(QUOTED); i !== -1; i = raw.indexOf(QUOTED, i + 1)) {
    let p = i + 1;
    while (p < raw.length && raw[p] === GT) p++;
    if (p + FROM.length <= raw.length && raw.compare(FROM, 0, FROM.length, p, p + FROM.length) === 0) cuts.push(i + 1);
  }
  if (cuts.length === 0) return raw;
  const pieces: Buffer[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(raw.subarray(from, cut));
    from = cut + 1;
  }
  pieces.push(raw.subarray(from));
  return Buffer.concat(pieces);
}
