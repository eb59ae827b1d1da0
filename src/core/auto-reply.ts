import type { Message } from './types.ts';
import { newText } from './quoted-text.ts';

// R3: an automatic reply is not a reply. RFC 3834 marks them with Auto-Submitted: auto-replied;
// Exchange and others use X-Autoreply / X-Autorespond / Precedence: auto_reply; many only say so in
// words. "auto-generated" alone is not enough: applicant-tracking systems mark their (real) answers so.

const OUT_OF_OFFICE_SUBJECT = /^\s*(automatic reply|auto(?:matic)?[- ]?(?:reply|response)|out of (?:the )?office|ooo\b|auto:|abwesenheitsnotiz|réponse automatique)/i;
const OUT_OF_OFFICE_TEXT = /\b(i am|i'm|i’m|i will be)\s+(currently\s+)?(out of (the )?office|away from (the )?office|on (annual |parental |sick )?leave|on vacation|on holiday|travell?ing with limited)|\bout of (the )?office (until|through|till|from)\b|\blimited access to (my )?e-?mail\b|\bthis is an automatic reply\b|\bthis is an automated (response|reply)\b/i;

// A calendar's answer to an invitation ("Accepted: Onsite @ Tue") is sent by the software, not a
// message the user wrote: it is neither a thank-you nor a follow-up.
const CALENDAR_RESPONSE = /^\s*(accepted|declined|tentative(ly accepted)?|new time proposed)\s*:/i;

export function isCalendarResponse(message: Message): boolean {
  return CALENDAR_RESPONSE.test(message.subject);
}

export function isAutoReply(message: Message): boolean {
  const h = message.headers;
  const autoSubmitted = h['auto-submitted']?.toLowerCase() ?? '';
  if (autoSubmitted.startsWith('auto-replied')) return true;
  if (h['x-autoreply'] !== undefined || h['x-autorespond'] !== undefined) return true;
  if (/auto[_-]?reply/i.test(h['precedence'] ?? '')) return true;
  if (OUT_OF_OFFICE_SUBJECT.test(message.subject)) return true;
  // Wording alone only marks a short message: a real answer may mention a holiday in passing.
  const text = newText(message.text);
  return text.length <= 1_500 && OUT_OF_OFFICE_TEXT.test(text);
}
