// Titles, descriptions and names come from mail: untrusted. Control and formatting characters
// (including the bidi overrides of CVE-2021-42574) are dropped before the text is parsed or shown.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;

/** One line, no control or bidi characters, whitespace collapsed, at most `max` characters. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** “text”, shortened for a sentence shown to the user. */
export function quoted(text: string, max = 80): string {
  return `“${oneLine(text, max)}”`;
}
