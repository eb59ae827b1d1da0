import type { Invitation, InvitationMessage } from '../core/invitation.ts';
import type { Address, Message } from '../core/types.ts';
import type { Warning } from '../core/warnings.ts';
import type { CalendarParse } from './parse-calendar.ts';

// The invitations of one message: one per VEVENT of each of its calendar parts. Google Calendar sends
// the same calendar twice (inline and as invite.ics), so identical events are kept once. A part that
// cannot be read is a 'broken-invitation' warning naming the message, never an exception.

/** The message an invitation came in, as the core keeps it: our Message, and its Sender. */
export function invitationMessageOf(message: Message, sender?: Address): InvitationMessage {
  return {
    id: message.id,
    threadId: message.threadId,
    ...(message.messageId ? { messageId: message.messageId } : {}),
    subject: message.subject,
    ...(message.from ? { from: message.from } : {}),
    ...(sender ? { sender } : {}),
    to: message.to,
    cc: message.cc,
    date: message.date,
    labels: message.labels,
  };
}

export interface MessageInvitations {
  invitations: Invitation[];
  warnings: Warning[];
}

type ParseCalendarText = (text: string) => CalendarParse;

export async function invitationsOf(texts: string[], message: InvitationMessage, source: string): Promise<MessageInvitations> {
  if (texts.length === 0) return { invitations: [], warnings: [] };
  let parse: ParseCalendarText;
  try {
    // Loaded here, not at the top: ical.js and node-ical are only worth their start-up cost for a calendar part.
    ({ parseCalendarText: parse } = await import('./parse-calendar.ts'));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { invitations: [], warnings: [brokenInvitation(`the calendar parser could not be loaded (${detail})`, message, source)] };
  }
  return invitationsFromTexts([...new Set(texts)], message, source, parse);
}

function invitationsFromTexts(texts: string[], message: InvitationMessage, source: string, parse: ParseCalendarText): MessageInvitations {
  const invitations: Invitation[] = [];
  const warnings: Warning[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    const parsed = parse(text);
    if (!parsed.ok) {
      warnings.push(brokenInvitation(parsed.reason, message, source));
      continue;
    }
    for (const event of parsed.events) {
      const key = JSON.stringify([parsed.method ?? null, event]);
      if (seen.has(key)) continue;
      seen.add(key);
      invitations.push(parsed.method === undefined ? { event, message } : { method: parsed.method, event, message });
    }
  }
  return { invitations, warnings };
}

function brokenInvitation(reason: string, message: InvitationMessage, source: string): Warning {
  const addresses = [...new Set([message.from, ...message.to, ...message.cc]
    .flatMap((address) => (address === undefined ? [] : [address.email.toLowerCase()])))];
  return {
    code: 'broken-invitation',
    message: `A calendar invitation in "${message.subject.slice(0, 100)}" cannot be read: ${reason}; its events are skipped.`,
    source,
    evidence: { addresses },
  };
}
