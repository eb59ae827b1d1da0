import { TZDate } from '@date-fns/tz';
import { longDate } from '../core/local-format.ts';
import type { Interview, Interviewer, Me } from '../core/types.ts';
import { firstName } from '../core/person-name.ts';
import { greeting, joinTopics } from './names.ts';

// Texts follow docs/rules.md: thank for the time, a specific point discussed, enthusiasm, offer more
// (S0, S1, S3); one personal note per interviewer, never identical (S4); no salary or benefits (S1),
// no LinkedIn request, no CV (S0); check-in: interest, patience, an updated timeframe (S3);
// after a rejection: thanks and future openings (S1, S2).

// `role` is "the Backend Engineer role", or "the role" when the interview does not say which.
type Parts = { role: string; position: string; company: string; topics: string };

const OPENINGS = [
  (p: Parts) => `Thank you for taking the time to speak with me about ${p.role} at ${p.company}.`,
  (p: Parts) => `Thank you for meeting with me to talk about ${p.position} at ${p.company}.`,
  (p: Parts) => `I appreciated the time you spent with me discussing ${p.role} at ${p.company}.`,
];
const TOPIC_LINES = [
  (p: Parts) => `I especially enjoyed our conversation about ${p.topics}.`,
  (p: Parts) => `Our discussion of ${p.topics} was a highlight of the day for me.`,
  (p: Parts) => `I enjoyed hearing your perspective on ${p.topics}.`,
];
const NO_TOPIC_LINES = [
  () => 'I enjoyed hearing how your team works and what you are building.',
  () => 'It was great to learn more about the team and the challenges ahead.',
  () => 'Your questions gave me a clear picture of what the role involves.',
];
const ENTHUSIASM = [
  (p: Parts) => `I came away even more excited about the chance to join ${p.company}.`,
  () => 'I left even more enthusiastic about the role and the team.',
  (p: Parts) => `I am very interested in the role and would love to contribute to the work at ${p.company}.`,
];
const OFFERS = [
  'If there is anything else I can send you, please let me know.',
  'Please let me know if I can provide anything else that would help.',
  'I would be glad to send any further information you might need.',
];
const SIGN_OFFS = ['Best regards,', 'Kind regards,', 'With thanks,'];

/** Number of distinct thank-you texts for one name and topic list: 3 × 3 × 3 sentence choices. */
export const THANK_YOU_VARIANTS = OPENINGS.length * TOPIC_LINES.length * ENTHUSIASM.length;

/** The name, and the phone number when the user gave one (S0, S1, S3). */
function signature(me: Me): string[] {
  return me.phone ? [me.name, me.phone] : [me.name];
}

/** "the Backend Engineer role" / "the Backend Engineer position", or "the role" / "the position". */
export function roleWords(interview: Pick<Interview, 'role'>): { role: string; position: string } {
  const role = interview.role?.replace(/\s+/g, ' ').trim();
  return role ? { role: `the ${role} role`, position: `the ${role} position` } : { role: 'the role', position: 'the position' };
}

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

export function thankYouText(input: {
  interview: Interview;
  interviewer: Interviewer;
  me: Me;
  /** 0 … THANK_YOU_VARIANTS - 1: each value picks a different combination of sentences. */
  variant: number;
}): string {
  const { interview, interviewer, me } = input;
  const v = Math.abs(Math.trunc(input.variant)) % THANK_YOU_VARIANTS;
  const [a, b, c] = [v % 3, Math.trunc(v / 3) % 3, Math.trunc(v / 9) % 3];
  const p: Parts = { ...roleWords(interview), company: interview.company, topics: joinTopics(interviewer.topics) };
  const middle = p.topics === '' ? pick(NO_TOPIC_LINES, b)() : pick(TOPIC_LINES, b)(p);
  return [
    greeting(firstName(interviewer.name)),
    '',
    `${pick(OPENINGS, a)(p)} ${middle}`,
    '',
    `${pick(ENTHUSIASM, c)(p)} ${pick(OFFERS, a + c)}`,
    '',
    pick(SIGN_OFFS, b + c),
    ...signature(me),
  ].join('\n');
}

export function checkInText(input: {
  interview: Interview;
  recipientFirstName: string | undefined;
  me: Me;
  timezone: string;
}): string {
  const { interview, me } = input;
  const day = longDate(new TZDate(interview.start.getTime(), input.timezone));
  return [
    greeting(input.recipientFirstName),
    '',
    `I hope you are well. I am writing to follow up on my interview for ${roleWords(interview).role} ` +
      `at ${interview.company} on ${day}. I remain very interested in the position and in joining the team.`,
    '',
    'I understand that hiring decisions take time. Is there an updated timeframe for the next steps?',
    '',
    'Thank you again for your time.',
    '',
    'Best regards,',
    ...signature(me),
  ].join('\n');
}

export function rejectionReplyText(input: {
  interview: Interview;
  recipientFirstName: string | undefined;
  me: Me;
}): string {
  const { interview, me } = input;
  return [
    greeting(input.recipientFirstName),
    '',
    'Thank you for letting me know, and for your time and consideration throughout the process for ' +
      `${roleWords(interview).role}. I enjoyed meeting the team at ${interview.company} and learning about your work.`,
    '',
    'I would be grateful if you would keep me in mind for future openings that could be a good fit.',
    '',
    'I wish you and the team all the best.',
    '',
    'Best regards,',
    ...signature(me),
  ].join('\n');
}
