import type { InvitationRef, ListedInterview } from '../core/discovery/types.ts';

/** One interview as `followup interviews --json` lists it (configured or found in the mail). */
export interface JsonListedInterview {
  id: string;
  company: string;
  role: string | null;
  start: string;
  durationMinutes: number;
  interviewers: { name: string; email: string }[];
  domains: string[];
  source: 'config' | 'invitation';
  confidence: 'auto' | 'suggested' | null;
  status: 'active' | 'cancelled' | 'ignored';
  reason: string;
  guessed: string[];
  invitation: JsonInvitation | null;
  notes: string[];
}

export interface JsonInvitation {
  uid: string;
  sequence: number;
  messageId: string | null;
  subject: string;
  from: string | null;
  receivedAt: string;
}

export function toJsonInvitation(ref: InvitationRef): JsonInvitation {
  return {
    uid: ref.uid,
    sequence: ref.sequence,
    messageId: ref.messageId ?? null,
    subject: ref.subject,
    from: ref.from?.email ?? null,
    receivedAt: ref.receivedAt.toISOString(),
  };
}

export function toJsonListed(listed: ListedInterview): JsonListedInterview {
  const { interview } = listed;
  return {
    id: interview.id,
    company: interview.company,
    role: interview.role ?? null,
    start: interview.start.toISOString(),
    durationMinutes: interview.durationMinutes,
    interviewers: interview.interviewers.map((i) => ({ name: i.name, email: i.email })),
    domains: [...interview.domains],
    source: listed.source,
    confidence: listed.confidence,
    status: listed.status,
    reason: listed.reason,
    guessed: [...listed.guessed],
    invitation: listed.invitation ? toJsonInvitation(listed.invitation) : null,
    notes: [...listed.notes],
  };
}

/** Found in the mail, listed but not followed up: suggested, or ignored by the user. */
export function notDecidedOn(listing: readonly ListedInterview[], decidedIds: ReadonlySet<string>): ListedInterview[] {
  return listing.filter((l) => l.source === 'invitation' && !decidedIds.has(l.interview.id));
}
