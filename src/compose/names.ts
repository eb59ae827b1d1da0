import type { Address } from '../core/types.ts';

const HONORIFIC = /^(?:dr|mr|mrs|ms|mx|prof)\.?$/i;
// Display names of role accounts, not people: greeting them by "first name" would read "Dear Talent,".
const ROLE_WORD =
  /\b(?:team|recruit\w*|talent|careers?|jobs?|hiring|hr|people|no-?reply|notifications?|support)\b/i;

/** The name to greet someone by: "Jane Smith" → "Jane", "Smith, Jane" → "Jane", "Dr. Jane Smith" → "Dr. Smith". */
export function firstName(fullName: string | undefined): string | undefined {
  const name = (fullName ?? '').replace(/\s+/g, ' ').trim();
  if (name === '' || name.includes('@')) return undefined;
  const comma = name.indexOf(',');
  if (comma > 0) return name.slice(comma + 1).trim().split(' ')[0] || undefined;
  const words = name.split(' ');
  const [first, ...rest] = words;
  if (first !== undefined && HONORIFIC.test(first) && rest.length > 0) {
    return `${first.endsWith('.') ? first : `${first}.`} ${rest[rest.length - 1]}`;
  }
  return first;
}

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
