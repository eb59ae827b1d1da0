// FNV-1a, 32 bits, over the UTF-8 bytes of a string (http://www.isthe.com/chongo/tech/comp/fnv/):
// a short stable fingerprint for ids. Not cryptographic, and written here because the core
// imports no node:crypto.
const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

export function fnv1a32(text: string): number {
  let hash = OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, PRIME) >>> 0;
  }
  return hash;
}

/** The hash as 8 lower-case hex digits. */
export function fnv1aHex(text: string): string {
  return fnv1a32(text).toString(16).padStart(8, '0');
}
