import { newText } from './quoted-text.ts';

// R7: what the company's last message asks of the user. Rejections are tested first because they are
// often phrased around the same words as good news ("we will not be moving forward", "unable to offer").

export type ReplyKind = 'rejection' | 'offer' | 'next-round' | 'question' | 'neutral';

const REJECTION: readonly RegExp[] = [
  /\b(decided|chosen|elected|opted|determined)\s+(not\s+to|to\s+not)\s+(move|proceed|go|continue|pursue|advance|progress|extend)/i,
  /\b(will\s+not|won['’]t|not|no\s+longer)\s+be\s+(moving|proceeding|progressing|advancing|continuing|going|pursuing|considering|considered)\b/i,
  /\b(move|moving|proceed|proceeding|go|going|continue|continuing)\s+(forward\s+|ahead\s+)?with\s+(an?\s+)?(other|another|different|more)\s+(\w+\s+){0,2}(candidates?|applicants?|profiles?|individuals?|people)\b/i,
  /\b(other|another|different)\s+(candidates?|applicants?)\s+(whose|who|that)\b/i,
  /\b(decided|chosen)\s+to\s+(pursue|go\s+with|move\s+forward\s+with|proceed\s+with)\s+(other|another|a\s+different)/i,
  /\b(position|role|opening|vacancy|requisition)\s+(has|have)\s+(now\s+)?been\s+filled\b/i,
  /\bregret\s+to\s+(inform|tell|let\s+you\s+know|advise)/i,
  /\b(not|weren['’]t|were\s+not)\s+(been\s+)?selected\b/i,
  /\b(unable|not\s+able)\s+to\s+(offer|move\s+forward|proceed|progress|extend)/i,
  /\bnot\s+(be\s+)?(extending|making)\s+(you\s+)?an?\s+offer\b/i,
  /\b(in|with)\s+a\s+different\s+direction\b/i,
  /\bnot\s+(the\s+|a\s+)?(right|best|strong\s+enough)\s+(fit|match)\b/i,
  /\bkeep\s+your\s+(resume|résumé|cv|details|information|profile)\s+on\s+file\b/i,
  /\b(application|candidacy)\s+(was|has\s+been|is)\s+(unsuccessful|declined|not\s+successful)\b/i,
  /\bunfortunately,?\s+(we|the\s+team|the\s+hiring)\b[^.]{0,80}\b(not|other|another|declin|unable)/i,
];

const OFFER: readonly RegExp[] = [
  /\b(pleased|happy|delighted|excited|thrilled|glad)\s+to\s+(extend|offer|make)\b[^.]{0,40}\boffer\b/i,
  /\b(like|love|want)\s+to\s+(extend|make)\s+(you\s+)?an?\s+(formal\s+|verbal\s+)?offer\b/i,
  /\b(like|love|want)\s+to\s+offer\s+you\s+the\s+(position|role|job)\b/i,
  /\boffer\s+letter\b/i,
  /\bjob\s+offer\b/i,
];

const NEXT_ROUND: readonly RegExp[] = [
  /\bnext\s+(round|stage|interview)\b/i,
  /^\s*(updated\s+)?invitation:/im,
  /\b(final|onsite|on-site|technical|panel|follow-up|second|third)\s+(round|interview)s?\b/i,
  /\binvite\s+you\s+(to|for|back)\b/i,
  /\b(schedule|set\s+up|book|arrange)\s+(a|an|the|your|another|some)?\s*(call|interview|time|chat|meeting|conversation)\b/i,
  /\byour\s+availability\b|\bwhen\s+(are|would)\s+you\s+(be\s+)?(free|available)\b/i,
  /\bcalendly\.com\b|\bpick\s+a\s+(time|slot)\b/i,
  /\bmove\s+you\s+(forward|on|ahead)\b|\b(move|moving)\s+forward\s+with\s+your\s+(application|candidacy)\b/i,
];

// A question mark that ends a sentence (not inside a URL's query string).
const QUESTION = /[a-z)\]"'’]\?(\s|$)/i;

export function classifyReply(subject: string, text: string): ReplyKind {
  const body = newText(text).slice(0, 8_000);
  const all = `${subject}\n${body}`;
  if (REJECTION.some((re) => re.test(all))) return 'rejection';
  if (OFFER.some((re) => re.test(all))) return 'offer';
  if (NEXT_ROUND.some((re) => re.test(all))) return 'next-round';
  if (QUESTION.test(body)) return 'question';
  return 'neutral';
}
