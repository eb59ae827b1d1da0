// Words that make a meeting an interview (issue 6 §2). Bounded alternations between word
// boundaries, no nested quantifiers: the text is untrusted mail, matched in linear time.
import { oneLine } from './clean-text.ts';

const INTERVIEW_PHRASES = [
  String.raw`interview(?:s|ing|ers?)?`,
  String.raw`(?:phone|video|recruiter|tech(?:nical)?|initial|intro|hr) screen(?:ing)?`,
  String.raw`screen(?:ing)?(?![ -]?shar)`,
  String.raw`on[ -]?site`,
  String.raw`technical (?:round|screen(?:ing)?|assessment|exercise|challenge|test|deep[ -]?dive|chat|conversation|discussion)`,
  String.raw`hiring manager`,
  String.raw`conversation with`,
  String.raw`panel`,
  String.raw`(?:final|first|second|third|fourth|next|last|[1-9](?:st|nd|rd|th)) round`,
  String.raw`round (?:[1-9]|one|two|three|four)`,
  String.raw`coding`,
  String.raw`systems? design`,
  String.raw`pair(?:ed)?[ -]programming`,
  String.raw`take[ -]?home`,
  String.raw`whiteboard(?:ing)?`,
  String.raw`behaviou?ral`,
  String.raw`culture (?:fit|add)`,
  String.raw`meet the team`,
  String.raw`recruiter (?:call|chat|conversation)`,
];

/** Any of the alternatives, as whole words. */
export function wordRegExp(alternatives: readonly string[], flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** Every interview phrase, global: for stripping them out of a title. */
export const INTERVIEW_WORDS = wordRegExp(INTERVIEW_PHRASES, 'giu');

const FIRST_INTERVIEW_WORD = wordRegExp(INTERVIEW_PHRASES, 'iu');

/** How much of a description is read: invitations carry pages of dial-in boilerplate. */
const DESCRIPTION_LIMIT = 10_000;

export interface InterviewWord {
  where: 'title' | 'description';
  /** The phrase as written. */
  phrase: string;
}

export function findInterviewWord(summary: string, description: string): InterviewWord | undefined {
  const inTitle = FIRST_INTERVIEW_WORD.exec(oneLine(summary, 300));
  if (inTitle) return { where: 'title', phrase: inTitle[0] };
  const inDescription = FIRST_INTERVIEW_WORD.exec(oneLine(description.slice(0, DESCRIPTION_LIMIT), DESCRIPTION_LIMIT));
  if (inDescription) return { where: 'description', phrase: inDescription[0] };
  return undefined;
}
