import type { EventTiming } from '../core/invitation.ts';
import { propertyOf, type IcsComponent } from './ics-components.ts';
import { dateValueOf, parseDuration, type DateValue } from './ics-dates.ts';
import { addWallDays, UTC_OFFSET, wallToEpoch, type OffsetAt, type WallTime } from './wall-time.ts';
import type { ZoneLookup } from './zone-book.ts';

// When a VEVENT happens (RFC 5545 §3.6.1, §3.8.2): DTSTART, and its end from DTEND, else DURATION,
// else the default (a timed event ends when it starts). Floating and all-day are told from the
// property as written, never from a Date.

type Timing = EventTiming | { reason: string };

interface Zoned {
  wall: WallTime;
  offsets: OffsetAt;
}

export function eventTiming(event: IcsComponent, zones: ZoneLookup): Timing {
  const line = propertyOf(event, 'DTSTART');
  if (line === undefined) return { reason: 'has no DTSTART' };
  const start = dateValueOf(line);
  if (start === undefined) return { reason: `has a DTSTART "${line.value.slice(0, 40)}" that is no DATE or DATE-TIME` };
  if (start.kind === 'date') return { kind: 'all-day' };
  if (!start.utc && start.tzid === undefined) return { kind: 'floating' };
  const zoned = zonedOf(start, zones);
  if ('reason' in zoned) return zoned;
  const startMs = wallToEpoch(zoned.wall, zoned.offsets);
  const endMs = endOf(event, zoned, startMs, zones);
  if (typeof endMs === 'string') return { reason: endMs };
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return { reason: 'has a time zone that gives no UTC offset' };
  if (endMs < startMs) return { reason: 'ends before it starts' };
  return { kind: 'timed', start: new Date(startMs), end: new Date(endMs) };
}

function zonedOf(value: Extract<DateValue, { kind: 'date-time' }>, zones: ZoneLookup): Zoned | { reason: string } {
  if (value.utc || value.tzid === undefined) return { wall: value.wall, offsets: UTC_OFFSET };
  const offsets = zones(value.tzid);
  return typeof offsets === 'function' ? { wall: value.wall, offsets } : offsets;
}

/** The end instant, or why it cannot be read. A DTEND without a zone is read in DTSTART's zone. */
function endOf(event: IcsComponent, start: Zoned, startMs: number, zones: ZoneLookup): number | string {
  const dtend = propertyOf(event, 'DTEND');
  if (dtend !== undefined) {
    const end = dateValueOf(dtend);
    if (end === undefined || end.kind === 'date') return `has a DTEND "${dtend.value.slice(0, 40)}" that is no DATE-TIME like its DTSTART`;
    if (!end.utc && end.tzid === undefined) return wallToEpoch(end.wall, start.offsets);
    const zoned = zonedOf(end, zones);
    return 'reason' in zoned ? zoned.reason : wallToEpoch(zoned.wall, zoned.offsets);
  }
  const durationLine = propertyOf(event, 'DURATION');
  if (durationLine === undefined) return startMs;
  const duration = parseDuration(durationLine.value);
  if (duration === undefined) return `has a DURATION "${durationLine.value.slice(0, 40)}" that is no positive duration`;
  const dayShifted = duration.days === 0 ? startMs : wallToEpoch(addWallDays(start.wall, duration.days), start.offsets);
  return dayShifted + duration.ms;
}
