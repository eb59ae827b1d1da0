import Table from 'cli-table3';
import type { ListedInterview } from '../core/discovery/types.ts';
import type { Warning } from '../core/types.ts';
import { warningKind } from '../core/warnings.ts';
import { oneLine, warningText, type TimeContext } from './describe.ts';
import { formatInstant } from './format-time.ts';
import { toJsonListed } from './listing-json.ts';

// `followup interviews`: one line per interview, configured or found, with where it comes from,
// how sure the tool is, why, and the message that shows it.

export interface ListingView {
  now: Date;
  listing: readonly ListedInterview[];
  warnings: readonly Warning[];
}

/** configured · auto · suggested · cancelled · ignored */
export function standing(listed: ListedInterview): string {
  if (listed.status !== 'active') return listed.status;
  return listed.source === 'config' ? 'configured' : (listed.confidence ?? 'auto');
}

function evidence(listed: ListedInterview, at: TimeContext): string {
  const ref = listed.invitation;
  if (ref === null) return 'typed into the config';
  const from = ref.from ? `${oneLine(ref.from.name ?? ref.from.email)} <${oneLine(ref.from.email)}>` : 'unknown sender';
  return `${formatInstant(ref.receivedAt, at.timezone, at.now)}, ${from}: “${oneLine(ref.subject).slice(0, 90)}”`;
}

export function renderListingTable(view: ListingView, options: { timezone: string; width?: number }): string {
  const at: TimeContext = { timezone: options.timezone, now: view.now };
  const whyCol = Math.max(30, (options.width ?? 120) - 30 - 18 - 12 - 6);
  const table = new Table({ head: ['Interview', 'Start', 'Standing', 'Why, and the evidence'], colWidths: [30, 18, 12, whyCol], wordWrap: true, style: { head: [], border: [] } });
  for (const listed of view.listing) {
    const { interview } = listed;
    const guessed = listed.guessed.length > 0 ? ` (guessed: ${listed.guessed.join(', ')})` : '';
    table.push([
      [`${oneLine(interview.company)}${interview.role ? ` — ${oneLine(interview.role)}` : ''}`, oneLine(interview.id)].join('\n'),
      formatInstant(interview.start, at.timezone, at.now),
      standing(listed),
      [`${oneLine(listed.reason)}${guessed}`, evidence(listed, at), ...listed.notes.map(oneLine)].join('\n'),
    ]);
  }
  const suggested = view.listing.filter((l) => l.source === 'invitation' && l.confidence === 'suggested' && l.status === 'active');
  const hint = suggested.length > 0 ? [`Suggested ones are not followed up until you add them: followup interviews add ${suggested.map((l) => l.interview.id).join(' ')}`] : [];
  const body = view.listing.length === 0 ? 'No interviews configured or found in your mail.' : table.toString();
  const warnings = view.warnings.map((w) => `• ${warningText(w)}`);
  return [body, ...hint, ...(warnings.length > 0 ? ['', `Warnings (${warnings.length})`, ...warnings] : [])].join('\n');
}

export function renderListingJson(view: ListingView): string {
  return JSON.stringify({
    now: view.now.toISOString(),
    interviews: view.listing.map(toJsonListed),
    warnings: view.warnings.map((w) => ({ code: w.code, kind: warningKind(w), message: w.message, source: w.source ?? null })),
  }, null, 2);
}
