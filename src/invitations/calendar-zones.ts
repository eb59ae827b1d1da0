import { tzOffset } from '@date-fns/tz';
import type ICAL from 'ical.js';
import { MAX_TIMEZONE_RULE_YEARS, MAX_TIMEZONES } from './calendar-limits.ts';
import { vtimezoneOffsets } from './ical-timezone.ts';
import type { OffsetAt } from './local-time.ts';
import { ruleYears } from './vtimezone-guard.ts';
import { ianaZoneOf } from './zone-names.ts';

// The offsets each TZID of one VCALENDAR stands for. The VTIMEZONE the calendar itself carries for
// the TZID comes first (RFC 5545 §3.2.19: a TZID refers to the calendar's own VTIMEZONE; it is how
// Exchange's "Customized Time Zone" is defined at all). A TZID without one (Zoom, booking tools) is
// read from the tz database when it names a zone there, directly or as a Windows zone id. Anything
// else is refused: nothing falls back to the machine's zone, or to another message's VTIMEZONE.

export type ZoneLookup = (tzid: string) => OffsetAt | { reason: string };

export function calendarZones(vcalendar: ICAL.Component): ZoneLookup {
  const resolved = new Map<string, OffsetAt | { reason: string }>();
  return (tzid) => {
    let zone = resolved.get(tzid);
    if (zone === undefined) {
      zone = resolve(vcalendar, tzid);
      resolved.set(tzid, zone);
    }
    return zone;
  };
}

function resolve(vcalendar: ICAL.Component, tzid: string): OffsetAt | { reason: string } {
  const vtimezone = vcalendar.getAllSubcomponents('vtimezone').find((zone) => zone.getFirstPropertyValue('tzid') === tzid);
  if (vtimezone !== undefined) return vtimezoneOffsets(vtimezone, tzid);
  const iana = ianaZoneOf(tzid);
  if (iana !== undefined) return (epochMs) => tzOffset(iana, new Date(epochMs));
  return { reason: `is in the time zone "${tzid.slice(0, 80)}", which is neither a known zone nor defined by a VTIMEZONE` };
}

/** Why the part's VTIMEZONEs cannot be used at all: too many, or too costly to evaluate, or one
 *  without the TZID RFC 5545 §3.6.5 requires (ical.js fails on it when it looks a DTSTART's TZID up). */
export function vtimezonesProblem(vcalendars: readonly ICAL.Component[]): string | undefined {
  const vtimezones = vcalendars.flatMap((vcalendar) => vcalendar.getAllSubcomponents('vtimezone'));
  if (vtimezones.length > MAX_TIMEZONES) return `it has more than ${MAX_TIMEZONES} VTIMEZONEs`;
  const years = vtimezones.reduce((sum, vtimezone) => sum + ruleYears(vtimezone), 0);
  if (years > MAX_TIMEZONE_RULE_YEARS) return `its VTIMEZONEs have rules for more than ${MAX_TIMEZONE_RULE_YEARS} years in all`;
  const unnamed = vtimezones.some((zone) => typeof zone.getFirstPropertyValue('tzid') !== 'string');
  return unnamed ? 'it has a VTIMEZONE without a TZID' : undefined;
}
