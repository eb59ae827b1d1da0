/** The header that marks a draft as this tool's own: its value is the action key. */
export const ACTION_KEY_HEADER = 'X-Interview-Followup';
/** The same, as parsers key headers (lower case). */
export const ACTION_KEY_HEADER_KEY = ACTION_KEY_HEADER.toLowerCase();

// mailparser hands unknown X- headers back still RFC 2047 encoded, and spaces invite folding, so
// the value is kept to printable ASCII: anything else (and "%") is percent-encoded as UTF-8.
const NEEDS_ESCAPE = /[^\x21-\x24\x26-\x7e]/gu;

export function encodeActionKey(key: string): string {
  return key.replace(NEEDS_ESCAPE, (ch) =>
    [...Buffer.from(ch, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** The action key from an X-Interview-Followup header value; undefined when it is not a valid one. */
export function decodeActionKey(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  try {
    return decodeURIComponent(trimmed);
  } catch {
    return undefined;
  }
}
