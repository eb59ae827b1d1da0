import ICAL from 'ical.js';
import { LAST_ZONE_YEAR } from './calendar-limits.ts';
import { wallAsUtc, type OffsetAt, type WallTime } from './local-time.ts';
import { vtimezoneProblem } from './vtimezone-guard.ts';

// The offsets a calendar's own VTIMEZONE (RFC 5545 §3.6.5) defines, evaluated by ical.js: an
// ICAL.Timezone built from this one component, never registered with ICAL.TimezoneService, so a
// VTIMEZONE in one message cannot change how another is read. ical.js expands each STANDARD/DAYLIGHT
// observance (DTSTART, RDATE, RRULE) into `changes`, the UTC instants where the offset changes; the
// offset at an instant is read from those (local-time.ts then picks the instant of a wall time).
// vtimezone-guard.ts first refuses what ical.js would evaluate without bound or wrongly in silence.
// A zone is expanded once, through LAST_ZONE_YEAR: ical.js would expand it again, from the start,
// for every later year asked for.

interface Change extends WallTime {
  /** Seconds east of UTC from this change on, and before it. */
  utcOffset: number;
  prevUtcOffset: number;
}

interface Onset {
  at: number;
  to: number;
  from: number;
}

const MAX_KEPT_ZONES = 100;
const evaluated = new Map<string, OffsetAt | { reason: string }>();

/** The offsets of the VTIMEZONE, or why it is not read. */
export function vtimezoneOffsets(vtimezone: ICAL.Component, tzid: string): OffsetAt | { reason: string } {
  const key = JSON.stringify([tzid, vtimezone.jCal]);
  let offsets = evaluated.get(key);
  if (offsets === undefined) {
    offsets = evaluate(vtimezone, tzid);
    if (evaluated.size >= MAX_KEPT_ZONES) evaluated.delete(evaluated.keys().next().value as string);
    evaluated.set(key, offsets);
  }
  return offsets;
}

function evaluate(vtimezone: ICAL.Component, tzid: string): OffsetAt | { reason: string } {
  const problem = vtimezoneProblem(vtimezone);
  if (problem !== undefined) return { reason: `is in a time zone whose VTIMEZONE ${problem}` };
  const zone = new ICAL.Timezone({ component: vtimezone, tzid });
  try {
    // Makes ical.js expand every observance once, through LAST_ZONE_YEAR (and a few years more).
    zone.utcOffset(ICAL.Time.fromData({ year: LAST_ZONE_YEAR, month: 1, day: 1 }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { reason: `is in a time zone whose VTIMEZONE cannot be evaluated (${detail.slice(0, 120)})` };
  }
  const onsets = (zone.changes as Change[])
    .map((change) => ({ at: wallAsUtc(change), to: change.utcOffset / 60, from: change.prevUtcOffset / 60 }))
    .sort((a, b) => a.at - b.at);
  const end = Date.UTC(LAST_ZONE_YEAR + 1, 0, 1);
  return (epochMs) => (epochMs < end ? offsetIn(onsets, epochMs) : Number.NaN);
}

/** The offset of the latest onset at or before the instant; before the first, the one it changes from. */
function offsetIn(onsets: readonly Onset[], epochMs: number): number {
  let low = 0;
  let high = onsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((onsets[middle] as Onset).at <= epochMs) low = middle + 1;
    else high = middle;
  }
  const latest = onsets[low - 1];
  return latest === undefined ? (onsets[0]?.from ?? Number.NaN) : latest.to;
}
