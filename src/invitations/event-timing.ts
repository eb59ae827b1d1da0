import ICAL from 'ical.js';
import type { EventTiming } from '../core/invitation.ts';
import type { ZoneLookup } from './calendar-zones.ts';
import { calendarTime, firstValue, valueText } from './ical-values.ts';
import { UTC_OFFSET, wallToEpoch, type OffsetAt } from './local-time.ts';

// When a VEVENT happens (RFC 5545 §3.6.1, §3.8.2): DTSTART, and its end from DTEND, else DURATION,
// else the default (a timed event ends when it starts). All-day and floating are ical.js's own model
// (isDate; no TZID and not UTC); a zoned time gets its instant from the calendar's zones.

type Timing = EventTiming | { reason: string };

interface Zoned {
  time: ICAL.Time;
  offsets: OffsetAt;
}

export function eventTiming(vevent: ICAL.Component, zones: ZoneLookup): Timing {
  const dtstart = vevent.getFirstProperty('dtstart');
  if (dtstart === null) return { reason: 'has no DTSTART' };
  const start = calendarTime(dtstart);
  if (start === undefined) return { reason: `has a DTSTART "${valueText(dtstart)}" that is no DATE or DATE-TIME` };
  if (start.isDate) return { kind: 'all-day' };
  const offsets = offsetsOf(dtstart, start, zones);
  if (offsets === 'floating') return { kind: 'floating' };
  if (typeof offsets !== 'function') return offsets;
  const startMs = wallToEpoch(start, offsets);
  const endMs = endOf(vevent, { time: start, offsets }, startMs, zones);
  if (typeof endMs === 'string') return { reason: endMs };
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) return { reason: 'has a time zone that gives no UTC offset' };
  if (endMs < startMs) return { reason: 'ends before it starts' };
  return { kind: 'timed', start: new Date(startMs), end: new Date(endMs) };
}

/** The instant of a DATE-TIME property (DTSTAMP…), or undefined when it is floating, a date, or unplaceable. */
export function instantOf(property: ICAL.Property, zones: ZoneLookup): Date | undefined {
  const time = calendarTime(property);
  if (time === undefined || time.isDate) return undefined;
  const offsets = offsetsOf(property, time, zones);
  const epoch = typeof offsets === 'function' ? wallToEpoch(time, offsets) : Number.NaN;
  return Number.isFinite(epoch) ? new Date(epoch) : undefined;
}

/** UTC for a value ending in Z (which wins over a TZID, §3.2.19), else the TZID's zone, else floating. */
function offsetsOf(property: ICAL.Property, time: ICAL.Time, zones: ZoneLookup): OffsetAt | 'floating' | { reason: string } {
  const tzid = String(property.getFirstParameter('tzid') ?? '').trim();
  if (time.zone === ICAL.Timezone.utcTimezone && (tzid === '' || valueText(property).endsWith('Z'))) return UTC_OFFSET;
  return tzid === '' ? 'floating' : zones(tzid);
}

/** The end instant, or why it cannot be read. A DTEND without a zone is read in DTSTART's zone. */
function endOf(vevent: ICAL.Component, start: Zoned, startMs: number, zones: ZoneLookup): number | string {
  const dtend = vevent.getFirstProperty('dtend');
  if (dtend !== null) {
    const end = calendarTime(dtend);
    if (end === undefined || end.isDate) return `has a DTEND "${valueText(dtend)}" that is no DATE-TIME like its DTSTART`;
    const offsets = offsetsOf(dtend, end, zones);
    if (offsets === 'floating') return wallToEpoch(end, start.offsets);
    return typeof offsets === 'function' ? wallToEpoch(end, offsets) : offsets.reason;
  }
  const durationProperty = vevent.getFirstProperty('duration');
  if (durationProperty === null) return startMs;
  const duration = firstValue(durationProperty);
  if (!(duration instanceof ICAL.Duration) || duration.isNegative) {
    return `has a DURATION "${valueText(durationProperty)}" that is no positive duration`;
  }
  // RFC 5545 §3.3.6: weeks and days are nominal (the same clock time n days later, 25 hours across
  // the end of daylight time), hours, minutes and seconds exact.
  const days = duration.weeks * 7 + duration.days;
  const exactMs = ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
  if (days === 0) return startMs + exactMs;
  const later = start.time.clone();
  later.adjust(days, 0, 0, 0);
  return wallToEpoch(later, start.offsets) + exactMs;
}
