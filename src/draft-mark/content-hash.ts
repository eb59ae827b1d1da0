import { createHash } from 'node:crypto';
import type { Address } from '../core/types.ts';

export type Recipient = string | Pick<Address, 'email'>;

export interface HashableDraft {
  to: readonly Recipient[];
  cc?: readonly Recipient[];
  subject: string;
  text: string;
}

function emails(recipients: readonly Recipient[]): string[] {
  const all = recipients.map((r) => (typeof r === 'string' ? r : r.email).trim().toLowerCase());
  return [...new Set(all.filter((e) => e !== ''))].sort();
}

/** The body as a user would see it: line endings, trailing spaces and blank edges don't count. */
function canonicalText(text: string): string {
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.trimEnd());
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return lines.slice(start, end).join('\n');
}

/** sha256 hex of what a user would edit in a draft: recipients, subject and text. The Gmail and
 *  .eml stores hash a draft as it is now with this, to tell an untouched draft from an edited one. */
export function contentHashOf(draft: HashableDraft): string {
  const canonical = JSON.stringify({
    to: emails(draft.to),
    cc: emails(draft.cc ?? []),
    subject: draft.subject.replace(/\s+/g, ' ').trim(),
    text: canonicalText(draft.text),
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
