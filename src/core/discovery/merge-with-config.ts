// Configured and found interviews side by side (issue 6 §2). The config wins: a found interview
// that is a configured one — the same invitation UID, or a start within 30 minutes and an
// interviewer in common — is listed as the configured one, with the invitation as its evidence.
import { calendarOf, formatLocal } from '../calendar.ts';
import type { Interview } from '../types.ts';
import { quoted } from './clean-text.ts';
import { byStart } from './discover.ts';
import type { DiscoveredInterview, Discovery, ListedInterview } from './types.ts';

export const SAME_INTERVIEW_WINDOW_MINUTES = 30;

export interface MergeArgs {
  configured: readonly Interview[];
  /** What discovery found (its settings already decided confidence and what is ignored). */
  discovery: Discovery;
  /** IANA zone the notes give times in; ISO 8601 UTC without it. */
  timezone?: string;
}

export interface Merged {
  listing: ListedInterview[];
  /** What the engine decides on: every configured interview, and the found ones sure enough. */
  decideOn: Interview[];
}

export function mergeWithConfig(args: MergeArgs): Merged {
  const matches = matchToConfig(args.configured, args.discovery.found);
  const listing: ListedInterview[] = args.configured.map((configured) => listConfigured(configured, matches.get(configured), args.timezone));
  const matched = new Set([...matches.values()].flat());
  const unmatched = args.discovery.found.filter((found) => !matched.has(found)).sort(byStart);
  const decided = unmatched.filter(isDecidedOn);
  listing.push(...unmatched.map(listFound));
  return { listing, decideOn: [...args.configured, ...decided.map((found) => found.interview)] };
}

/** Sure enough to draft for (or, when cancelled, to report as cancelled); the rest is only listed.
 *  Only discovery.mode 'auto' makes a found interview 'auto' (confidence.ts). */
function isDecidedOn(found: DiscoveredInterview): boolean {
  return found.confidence === 'auto' && found.status !== 'ignored';
}

/** Each found interview goes to at most one configured one: its UID's, else the nearest start. */
function matchToConfig(configured: readonly Interview[], found: readonly DiscoveredInterview[]): Map<Interview, DiscoveredInterview[]> {
  const matches = new Map<Interview, DiscoveredInterview[]>();
  for (const candidate of found) {
    const target = configured.find((c) => c.invite !== undefined && c.invite === candidate.interview.invite) ?? nearest(configured, candidate.interview);
    if (target !== undefined) matches.set(target, [...(matches.get(target) ?? []), candidate]);
  }
  return matches;
}

function nearest(configured: readonly Interview[], found: Interview): Interview | undefined {
  const addresses = new Set(found.interviewers.map((person) => person.email));
  let best: { interview: Interview; distance: number } | undefined;
  for (const interview of configured) {
    const distance = Math.abs(interview.start.getTime() - found.start.getTime());
    if (distance > SAME_INTERVIEW_WINDOW_MINUTES * 60_000) continue;
    if (!interview.interviewers.some((person) => addresses.has(person.email))) continue;
    if (best === undefined || distance < best.distance) best = { interview, distance };
  }
  return best?.interview;
}

function listConfigured(configured: Interview, found: readonly DiscoveredInterview[] | undefined, timezone: string | undefined): ListedInterview {
  const evidence = found === undefined ? undefined : bestEvidence(configured, found);
  return {
    interview: configured,
    source: 'config',
    confidence: null,
    status: 'active',
    reason: evidence === undefined ? 'typed into the config' : `typed into the config; the invitation ${quoted(evidence.invitation.subject)} is the same interview`,
    guessed: [],
    invitation: evidence?.invitation ?? null,
    notes: evidence === undefined ? [] : sinceConfigured(configured, evidence, timezone),
  };
}

/** The invitation the config names by UID, else the one starting nearest the configured start. */
function bestEvidence(configured: Interview, found: readonly DiscoveredInterview[]): DiscoveredInterview {
  const distance = (f: DiscoveredInterview) => Math.abs(f.interview.start.getTime() - configured.start.getTime());
  return found.find((f) => f.interview.invite === configured.invite) ?? [...found].sort((a, b) => distance(a) - distance(b) || byStart(a, b))[0]!;
}

function sinceConfigured(configured: Interview, found: DiscoveredInterview, timezone: string | undefined): string[] {
  const when = (instant: Date) => (timezone === undefined ? instant.toISOString() : formatLocal(instant, calendarOf(timezone, [])));
  const subject = quoted(found.invitation.subject);
  if (found.interview.cancelledAt !== undefined) {
    return [`the invitation ${subject} was cancelled on ${when(found.interview.cancelledAt)}; the config is not changed`];
  }
  if (found.interview.start.getTime() !== configured.start.getTime()) {
    return [`the invitation ${subject} now starts ${when(found.interview.start)}, the config says ${when(configured.start)}; the config is not changed`];
  }
  return [];
}

function listFound(found: DiscoveredInterview): ListedInterview {
  return {
    interview: found.interview,
    source: 'invitation',
    confidence: found.confidence,
    status: found.status,
    reason: found.reason,
    guessed: found.guessed,
    invitation: found.invitation,
    notes: [],
  };
}
