// What discovery (issue 6 §2) finds in calendar invitations, and how it lists interviews next to
// the configured ones. Pure data: src/core/discovery/discover.ts and merge-with-config.ts fill it.
import type { CalendarMethod } from '../invitation.ts';
import type { Address, Interview } from '../types.ts';

export interface DiscoverySettings {
  /** auto: interviews found with confidence are decided on; suggest: every found interview is
   *  only suggested; off: none is found. */
  mode: 'auto' | 'suggest' | 'off';
  /** Interview ids or invitation UIDs the user dismissed. */
  ignore: string[];
  /** Invitations involving these domains (subdomains included) are never interviews. */
  ignoreDomains: string[];
  /** How far back the adapters look (default 90); informational here. */
  days: number;
}

export type Confidence = 'auto' | 'suggested';

/** Which fields were guessed rather than read: company from the domain, names from addresses,
 *  duration when the event gives none. */
export type GuessedField = 'company' | 'role' | 'interviewer-names' | 'duration';

/** The evidence shown to the user: one version of one invitation. */
export interface InvitationRef {
  uid: string;
  sequence: number;
  method?: CalendarMethod;
  messageId?: string;
  subject: string;
  from?: Address;
  receivedAt: Date;
}

export interface DiscoveredInterview {
  /** source 'invitation', invite = UID, cancelledAt when cancelled. */
  interview: Interview;
  confidence: Confidence;
  /** A sentence: why an interview, why this confidence. */
  reason: string;
  status: 'active' | 'cancelled' | 'ignored';
  guessed: GuessedField[];
  /** The version that won. */
  invitation: InvitationRef;
}

export interface NotAnInterview {
  uid: string;
  reason: string;
  invitation: InvitationRef;
}

export interface Discovery {
  /** By start, then id. */
  found: DiscoveredInterview[];
  /** By UID. */
  skipped: NotAnInterview[];
}

/** What `followup interviews` lists, configured and found. */
export interface ListedInterview {
  interview: Interview;
  source: 'config' | 'invitation';
  /** null for configured ones. */
  confidence: Confidence | null;
  status: 'active' | 'cancelled' | 'ignored';
  reason: string;
  guessed: GuessedField[];
  invitation: InvitationRef | null;
  /** e.g. a configured interview whose invitation was rescheduled/cancelled since. */
  notes: string[];
}
