import type { Message } from './types.ts';

// R3: whether a message names the company. One rule for the engine, the mbox screen and the Gmail
// query builder: the name as whole words, any case, any run of white space between its words (a
// name broken over lines in a body still counts). The Gmail query may be broader, never narrower.

const MAX_TEXT = 20_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words of a company name as written ("Acme  Corp" → ["Acme", "Corp"]). */
export function companyNameWords(company: string): string[] {
  return company.trim().split(/\s+/).filter((w) => w !== '');
}

/** Matches any of the names as whole words; undefined when there are none. */
export function companyNamePattern(companies: readonly string[]): RegExp | undefined {
  const names = [...new Set(companies.map((c) => companyNameWords(c).map(escapeRegExp).join('\\s+')).filter((n) => n !== ''))];
  if (names.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** Where a message's naming of a company counts: the sender's display name, the subject, the body. */
export function companyNameText(message: Pick<Message, 'from' | 'subject' | 'text'>): string {
  return `${message.from?.name ?? ''}\n${message.subject}\n${message.text.slice(0, MAX_TEXT)}`;
}

export function namesCompany(message: Pick<Message, 'from' | 'subject' | 'text'>, pattern: RegExp | undefined): boolean {
  return pattern !== undefined && pattern.test(companyNameText(message));
}
