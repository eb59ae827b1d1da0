import { firstName } from '../core/person-name.ts';
import type { Address } from '../core/types.ts';

// Display names of role accounts, not people: greeting them by "first name" would read "Dear Talent,".
const ROLE_WORD =
  /\b(?:team|recruit\w*|talent|careers?|jobs?|hiring|hr|people|no-?reply|notifications?|support)\b/i;

/** A person's first name from an address, or undefined for a role account or a name-less address. */
export function personalFirstName(address: Address | undefined, company: string): string | undefined {
  const name = address?.name?.trim();
  if (!name || ROLE_WORD.test(name)) return undefined;
  if (name.toLowerCase().includes(company.trim().toLowerCase()) && company.trim() !== '') return undefined;
  return firstName(name);
}

export function greeting(name: string | undefined): string {
  return name ? `Dear ${name},` : 'Hello,';
}

const topicList = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** ["a"] → "a"; ["a", "b"] → "a and b"; ["a", "b", "c"] → "a, b, and c". */
export function joinTopics(topics: readonly string[]): string {
  return topicList.format(topics.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== ''));
}
