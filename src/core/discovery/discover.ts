// Interviews found in calendar invitations (issue 6 §2). Pure: the adapters parse the invitations,
// the caller persists the ids once used and passes them back as knownIds.
import { compareText } from '../compare-text.ts';
import type { Invitation } from '../invitation.ts';
import type { Interview, Me } from '../types.ts';
import { judge } from './confidence.ts';
import { interviewFields, type InterviewFields } from './interview-fields.ts';
import { myIdentity, type MyIdentity } from './participants.ts';
import { whyNeverAnInterview } from './screen.ts';
import { settleIds } from './settle-ids.ts';
import type { DiscoveredInterview, Discovery, DiscoverySettings, InvitationRef, NotAnInterview } from './types.ts';
import { isCancellation, versionsByUid, type UidVersions } from './versions.ts';

export interface DiscoverArgs {
  invitations: readonly Invitation[];
  me: Me;
  settings: DiscoverySettings;
  /** IANA zone: the id's date is the local date of the first version's start. */
  timezone: string;
  /** UID → the id it was given before: that id wins. */
  knownIds?: ReadonlyMap<string, string>;
}

interface Context {
  me: Me;
  mine: MyIdentity;
  settings: DiscoverySettings;
  ignoreDomains: ReadonlySet<string>;
}

/** An interview found, before its id is settled. */
interface Candidate {
  entry: UidVersions;
  fields: InterviewFields;
  found: Omit<DiscoveredInterview, 'interview' | 'status'> & { cancelledAt?: Date };
  /** The company and the start of the first version: what the id is made of. */
  first: { company: string; firstStart: Date };
}

export function discoverInterviews(args: DiscoverArgs): Discovery {
  if (args.settings.mode === 'off') return { found: [], skipped: [] };
  const context: Context = {
    me: args.me,
    mine: myIdentity(args.me),
    settings: args.settings,
    ignoreDomains: new Set(args.settings.ignoreDomains.map((domain) => domain.toLowerCase().replace(/^@/, ''))),
  };
  const candidates: Candidate[] = [];
  const skipped: NotAnInterview[] = [];
  for (const entry of versionsByUid(args.invitations, context.mine)) {
    const result = examine(entry, context);
    if (result.kind === 'skipped') skipped.push(result.skipped);
    else candidates.push(result.candidate);
  }
  const sources = candidates.map((candidate) => ({ uid: candidate.entry.uid, ...candidate.first }));
  const ids = settleIds(sources, args.timezone, args.knownIds ?? new Map());
  const found = candidates.map((candidate) => finish(candidate, ids.get(candidate.entry.uid)!, args.settings));
  found.sort(byStart);
  return { found, skipped };
}

type Examined = { kind: 'skipped'; skipped: NotAnInterview } | { kind: 'found'; candidate: Candidate };

function examine(entry: UidVersions, context: Context): Examined {
  const winner = entry.versions.at(-1);
  if (winner === undefined) {
    const last = entry.dropped.at(-1)!;
    return { kind: 'skipped', skipped: { uid: entry.uid, reason: last.reason, invitation: invitationRef(last.invitation) } };
  }
  // The fields come from the latest version that is not a cancellation (a CANCEL may be bare).
  const latest = entry.versions.findLast((version) => !isCancellation(version)) ?? winner;
  const skip = (reason: string): Examined => ({ kind: 'skipped', skipped: { uid: entry.uid, reason, invitation: invitationRef(winner) } });
  const never = whyNeverAnInterview(latest, context.mine, context.ignoreDomains);
  if (never !== undefined) return skip(never);
  const fields = interviewFields(latest, context.me, context.mine);
  if (fields === undefined) return skip('nobody at a company takes part: only me, free-mail addresses, rooms and robots');
  const { confidence, reason } = judge(latest, entry.versions, fields.domains, context.settings.mode);
  const cancelled = isCancellation(winner);
  const found = { confidence, reason, guessed: fields.guessed, invitation: invitationRef(winner), ...(cancelled ? { cancelledAt: winner.message.date } : {}) };
  return { kind: 'found', candidate: { entry, fields, found, first: firstVersion(entry, fields, context) } };
}

/** The first version's start and company make the id, so a reschedule or a new title keeps it. */
function firstVersion(entry: UidVersions, latest: InterviewFields, context: Context): Candidate['first'] {
  const timed = entry.versions.find((version) => version.event.timing.kind === 'timed');
  const fields = timed === undefined ? undefined : interviewFields(timed, context.me, context.mine);
  return { company: fields?.company ?? latest.company, firstStart: fields?.start ?? latest.start };
}

function finish(candidate: Candidate, id: string, settings: DiscoverySettings): DiscoveredInterview {
  const { entry, fields, found } = candidate;
  const { cancelledAt, ...rest } = found;
  const interview: Interview = {
    id,
    company: fields.company,
    ...(fields.role === undefined ? {} : { role: fields.role }),
    start: fields.start,
    durationMinutes: fields.durationMinutes,
    interviewers: fields.interviewers,
    domains: fields.domains,
    contact: fields.contact,
    source: 'invitation',
    invite: entry.uid,
    ...(cancelledAt === undefined ? {} : { cancelledAt }),
  };
  const status = isIgnored(interview, settings) ? 'ignored' : cancelledAt === undefined ? 'active' : 'cancelled';
  return { ...rest, interview, status };
}

/** By start, then id. */
export function byStart(a: DiscoveredInterview, b: DiscoveredInterview): number {
  return a.interview.start.getTime() - b.interview.start.getTime() || compareText(a.interview.id, b.interview.id);
}

/** Dismissed by the user, by its id or its invitation's UID. */
function isIgnored(interview: Interview, settings: DiscoverySettings): boolean {
  return settings.ignore.includes(interview.id) || (interview.invite !== undefined && settings.ignore.includes(interview.invite));
}

export function invitationRef(invitation: Invitation): InvitationRef {
  const { event, message, method } = invitation;
  return {
    uid: event.uid,
    sequence: event.sequence,
    ...(method === undefined ? {} : { method }),
    ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
    subject: message.subject,
    ...(message.from === undefined ? {} : { from: message.from }),
    receivedAt: message.date,
  };
}
