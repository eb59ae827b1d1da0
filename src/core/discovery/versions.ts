// The versions of one event, by UID (RFC 5545 §3.8.4.7). An organizer's update carries a higher
// SEQUENCE (RFC 5545 §3.8.7.4), or the same SEQUENCE and a later DTSTAMP (RFC 5546 §2.1.5); the
// latest message breaks what is left of a tie. Only invitations to me count: replies, counters and
// refreshes are answers about an invitation (RFC 5546 §1.4), and what I sent is mine.
import { compareText } from '../compare-text.ts';
import type { Invitation } from '../invitation.ts';
import { isMine, type MyIdentity } from './participants.ts';

export interface Dropped {
  invitation: Invitation;
  reason: string;
}

export interface UidVersions {
  uid: string;
  /** Invitations and cancellations I received, first version first, the winner last. */
  versions: Invitation[];
  /** What is no invitation to me. */
  dropped: Dropped[];
}

export function isCancellation(invitation: Invitation): boolean {
  return invitation.method === 'CANCEL' || invitation.event.status === 'CANCELLED';
}

function whyNotAnInvitation(invitation: Invitation, mine: MyIdentity): string | undefined {
  const { message, method } = invitation;
  if (message.labels.includes('SENT') || (message.from !== undefined && isMine(message.from.email, mine))) {
    return 'an invitation I sent, not one to me';
  }
  if (method === 'REPLY') return 'an answer to an invitation (METHOD:REPLY), not an invitation';
  if (method === 'COUNTER' || method === 'DECLINECOUNTER') return `a counter-proposal (METHOD:${method}), not an invitation`;
  if (method === 'REFRESH') return 'a request for the latest version (METHOD:REFRESH), not an invitation';
  if (method === 'ADD') return 'instances added to a recurring event (METHOD:ADD), not an interview';
  return undefined;
}

/** Orders the versions of one UID: the first version first, the winner last. Total, so the
 *  result never depends on the order the mailbox gave. */
export function compareVersions(a: Invitation, b: Invitation): number {
  return (
    a.event.sequence - b.event.sequence ||
    (a.event.dtstamp?.getTime() ?? -Infinity) - (b.event.dtstamp?.getTime() ?? -Infinity) ||
    a.message.date.getTime() - b.message.date.getTime() ||
    Number(isCancellation(a)) - Number(isCancellation(b)) ||
    compareText(a.message.id, b.message.id) ||
    compareText(a.event.summary, b.event.summary) ||
    startOf(a) - startOf(b)
  );
}

function startOf(invitation: Invitation): number {
  return invitation.event.timing.kind === 'timed' ? invitation.event.timing.start.getTime() : 0;
}

/** One entry per UID, by UID. */
export function versionsByUid(invitations: readonly Invitation[], mine: MyIdentity): UidVersions[] {
  const byUid = new Map<string, UidVersions>();
  for (const invitation of invitations) {
    const uid = invitation.event.uid;
    const entry = byUid.get(uid) ?? { uid, versions: [], dropped: [] };
    byUid.set(uid, entry);
    const reason = whyNotAnInvitation(invitation, mine);
    if (reason === undefined) entry.versions.push(invitation);
    else entry.dropped.push({ invitation, reason });
  }
  const entries = [...byUid.values()].sort((a, b) => compareText(a.uid, b.uid));
  for (const entry of entries) {
    entry.versions.sort(compareVersions);
    entry.dropped.sort((a, b) => compareVersions(a.invitation, b.invitation));
  }
  return entries;
}
