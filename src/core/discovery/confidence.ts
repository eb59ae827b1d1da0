// How sure discovery is that a meeting is an interview (issue 6 §2): sure ('auto') when the title
// or the description speaks of one, or when an applicant-tracking or scheduling system sent it;
// otherwise it is only a meeting with people at a company, and only suggested.
import { domainOf, isAtsAddress } from '../ats-domains.ts';
import type { Invitation } from '../invitation.ts';
import { quoted } from './clean-text.ts';
import { findInterviewWord } from './interview-words.ts';
import { schedulingSystemOf } from './scheduling-systems.ts';
import type { Confidence, DiscoverySettings } from './types.ts';

export interface Judgement {
  confidence: Confidence;
  reason: string;
}

/** `latest`: the version the fields come from; `versions`: all of them (any may name the system). */
export function judge(latest: Invitation, versions: readonly Invitation[], domains: readonly string[], mode: DiscoverySettings['mode']): Judgement {
  const evidence = interviewEvidence(latest, versions);
  if (evidence === undefined) return { confidence: 'suggested', reason: `a meeting with people at ${domains.join(', ')}, nothing more` };
  if (mode !== 'auto') return { confidence: 'suggested', reason: `${evidence}, but discovery.mode is '${mode}': only suggested` };
  return { confidence: 'auto', reason: evidence };
}

function interviewEvidence(latest: Invitation, versions: readonly Invitation[]): string | undefined {
  const word = findInterviewWord(latest.event.summary, latest.event.description);
  const reasons = [
    word?.where === 'title' ? `the title says ${quoted(latest.event.summary)}` : undefined,
    sentThrough(versions),
    word?.where === 'description' ? `the description mentions ${quoted(word.phrase)}` : undefined,
  ].filter((reason) => reason !== undefined);
  return reasons.length === 0 ? undefined : reasons.slice(0, 2).join(' and ');
}

/** "scheduled through GoodTime": by the From or Sender address, or the ORGANIZER. */
function sentThrough(versions: readonly Invitation[]): string | undefined {
  const addresses = versions.flatMap(({ message, event }) =>
    [message.from?.email, message.sender?.email, event.organizer?.email].filter((email) => email !== undefined),
  );
  for (const email of addresses) {
    const system = schedulingSystemOf(email);
    if (system) return `scheduled through ${system.name}`;
  }
  const ats = addresses.find(isAtsAddress);
  return ats === undefined ? undefined : `sent through an applicant-tracking system (${domainOf(ats)})`;
}
