// What a person wrote in this message, without the quoted history below it: the classifier and the
// date finder must not read the user's own quoted words as the company's.

const MAX_TEXT = 20_000;

const QUOTE_HEADERS: readonly RegExp[] = [
  /^On .{1,200}wrote:\s*$/,
  /^Le .{1,200}a écrit\s*:\s*$/,
  /^Am .{1,200}schrieb .{0,200}$/,
  /^-{2,}\s*Original Message\s*-{2,}/i,
  /^-{2,}\s*Forwarded message\s*-{2,}/i,
  /^From:\s.{1,300}$/,
  /^_{10,}\s*$/,
];

export function newText(text: string): string {
  const lines = text.slice(0, MAX_TEXT).split(/\r?\n/);
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trim();
    if (QUOTE_HEADERS.some((re) => re.test(trimmed))) break;
    if (trimmed.startsWith('>')) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}
