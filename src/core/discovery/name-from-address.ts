// A person's name guessed from an address when the invitation gives no CN (RFC 5545 §3.2.2):
// "jane.smith@acme.com" → "Jane Smith". Marked as guessed: the user may want to correct it.
import { oneLine } from './clean-text.ts';

export function nameFromAddress(email: string): string {
  const local = email.slice(0, email.lastIndexOf('@') === -1 ? email.length : email.lastIndexOf('@'));
  const untagged = local.split('+')[0] ?? local;
  const words = untagged
    .split(/[._\s]+/)
    .map((word) => word.replace(/\d+/g, '').replace(/^-+|-+$/g, ''))
    .filter((word) => word !== '');
  if (words.length === 0) return untagged || email;
  return words.map((word) => word.split('-').map(capitalize).join('-')).join(' ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** The CN when it is a name: not empty, not just the address again (Outlook often repeats it). */
export function nameFromCn(cn: string | undefined): string | undefined {
  const name = oneLine((cn ?? '').replace(/^["']+|["']+$/g, ''), 100);
  if (name === '' || name.includes('@')) return undefined;
  return name;
}
