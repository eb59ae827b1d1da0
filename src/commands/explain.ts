import type { Decision } from '../core/types.ts';
import type { Logger } from '../log.ts';

/** --verbose: for each message the engine considered, why it counted (or did not), at debug level
 *  on stderr. Addresses and subjects only; never bodies. */
export function logEvidence(log: Logger, decision: Decision): void {
  log.debug('addresses taken as mine', { emails: decision.me.emails.join(', ') });
  for (const state of decision.interviews) {
    for (const line of state.evidence) {
      log.debug('evidence', {
        interview: state.interview.id,
        message: line.messageId,
        date: line.date.toISOString(),
        from: line.from,
        subject: line.subject,
        counted: line.verdict,
      });
    }
  }
}
