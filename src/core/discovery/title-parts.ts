// The company and the job title an invitation's SUMMARY names, when it does: "Interview with Acme
// Corp: Backend Engineer", "Hooli | Site Reliability Engineer — Final round", "Acme <> Alex Doe".
// A title is split at its separators; in each part the interview words and filler are struck out,
// and what is left is a person (someone invited, or me), a job title, or a company.
import { oneLine } from './clean-text.ts';
import { INTERVIEW_WORDS, wordRegExp } from './interview-words.ts';

export interface TitleParts {
  company?: string;
  role?: string;
}

// What calendar titles put between company, job title and kind of interview; ":" only when not
// inside a time (10:30). "<>" pairs two parties (Calendly, GoodTime: "Acme <> Alex Doe").
const SEPARATOR = /\s*(?:\||—|–|―|:(?!\d)|\s-\s|<->|<>|↔|⇔|\/\/|[()[\]{}]|·|•)\s*/u;
const PAIRING = /<->|<>|↔|⇔/u;
// Words around the company and the job title that say neither: struck out with the interview words.
const FILLER_WORDS = [
  String.raw`intro(?:ductory)?`, 'technical', 'tech', 'phone', String.raw`in[ -]person`, 'initial', 'final', 'first', 'second', 'third',
  'next', String.raw`follow[ -]?up`, 'loop', 'round', 'stage', 'day', 'call', 'chat', 'coffee', 'meeting', 'sync', String.raw`catch[ -]?up`,
  'virtual', 'video', 'zoom', 'teams', 'google meet', 'session', 'discussion', 'conversation', 'candidate', 'remote', 'hybrid',
  'invitation', 'invite', 'updated', 'rescheduled', 'tentative', 'confirmed', 'reminder',
];
const FILLER = wordRegExp(FILLER_WORDS, 'giu');
const ROLE_WORDS = [
  'engineer', 'developer', 'programmer', 'architect', 'scientist', 'analyst', 'designer', 'manager', 'director', 'lead', 'head of',
  'vp', 'officer', 'consultant', 'specialist', 'administrator', 'researcher', String.raw`intern(?:ship)?`, 'sre', 'devops', 'recruiter',
  'coordinator', 'associate', 'technician', 'writer', 'editor', 'accountant', 'counsel', 'attorney', 'strategist', 'marketer',
  'product owner', 'principal', 'staff',
];
const ROLE_WORD = wordRegExp(ROLE_WORDS, 'iu');
const DATE_LIKE =
  /\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}/iu;
const NOT_A_COMPANY = /^(?:tbd|tba|n\/a|none|interview|confidential|internal|external|and|or|the|re|fw|fwd)$/iu;

type Piece = { kind: 'company'; text: string; explicit: boolean } | { kind: 'role'; text: string } | { kind: 'person' };

/** `people`: the interviewers' names and mine, so a part that only names people is no company. */
export function titleParts(summary: string, people: readonly string[]): TitleParts {
  const title = oneLine(summary, 200);
  const names = nameTokens(people);
  let structured = false;
  const pieces: Piece[] = [];
  for (const segment of title.split(SEPARATOR)) {
    const stripped = segment.replace(INTERVIEW_WORDS, ' ');
    if (stripped !== segment) structured = true;
    pieces.push(...piecesOf(tidy(stripped.replace(FILLER, ' ')), names));
  }
  if (pieces.some((piece) => piece.kind === 'role')) structured = true;
  if (PAIRING.test(title) && pieces.some((piece) => piece.kind === 'person')) structured = true;
  const companies = pieces.filter((piece) => piece.kind === 'company');
  const company = companies.find((piece) => piece.explicit) ?? (structured ? companies[0] : undefined);
  const role = pieces.find((piece) => piece.kind === 'role');
  return { ...(company ? { company: company.text } : {}), ...(role ? { role: role.text } : {}) };
}

/** "… with X", "… at X", "… from X": X names the company (or a person). */
function piecesOf(text: string, names: ReadonlySet<string>, explicit = false): Piece[] {
  const marked = /^(.*?)(?:^|\s)(?:with|at|from|@)\s+(.+)$/iu.exec(text);
  if (marked) return [...piecesOf(tidy(marked[1]!), names, explicit), ...piecesOf(tidy(marked[2]!), names, true)];
  return classify(text.replace(/^(?:for|of|re|about)\s+/iu, ''), names, explicit);
}

function classify(text: string, names: ReadonlySet<string>, explicit: boolean): Piece[] {
  if (text === '') return [];
  if (isPerson(text, names)) return [{ kind: 'person' }];
  if (ROLE_WORD.test(text)) return [{ kind: 'role', text }];
  if (!looksLikeCompany(text)) return [];
  return [{ kind: 'company', text, explicit }];
}

function looksLikeCompany(text: string): boolean {
  return /\p{L}/u.test(text) && text.length <= 60 && text.split(' ').length <= 6 && !DATE_LIKE.test(text) && !NOT_A_COMPANY.test(text);
}

/** Strip what the separators and the struck-out words leave at the edges. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;&+\-–—.!?'"]+|[\s,;&+\-–—.!?'"]+$/gu, '')
    .replace(/^(?:and|&)\s+|\s+(?:and|&)$/giu, '')
    .trim();
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

function nameTokens(people: readonly string[]): ReadonlySet<string> {
  return new Set(people.flatMap(words));
}

/** Every word is part of someone's name ("Alex Doe", "Jane and Alex"). */
function isPerson(text: string, names: ReadonlySet<string>): boolean {
  const tokens = words(text).filter((word) => word !== 'and' && word !== 'x');
  return tokens.length > 0 && tokens.every((token) => names.has(token));
}
