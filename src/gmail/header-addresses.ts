import type { gmail_v1 } from '@googleapis/gmail';

// Whom a message involves by its headers alone (format=metadata), when it could not be read in full:
// the evidence a read failure is attributed by (src/core/read-failures.ts).

/** The headers to ask for. */
export const ADDRESS_HEADERS = ['From', 'To', 'Cc', 'Reply-To', 'Sender'];

const ADDRESS = /[^\s<>,;:"()[\]]{1,64}@[A-Za-z0-9.-]{1,253}/g;

/** Every address in the headers' values, lower-cased, each once. */
export function addressesInHeaders(headers: readonly (gmail_v1.Schema$MessagePartHeader | null | undefined)[]): string[] {
  const values = headers.map((h) => (typeof h?.value === 'string' ? h.value : ''));
  return [...new Set(values.flatMap((v) => v.match(ADDRESS) ?? []).map((a) => a.toLowerCase()))];
}
