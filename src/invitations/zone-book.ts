import { childrenOf, type IcsComponent } from './ics-components.ts';
import { vtimezoneId, vtimezoneOffsets } from './vtimezone-offsets.ts';
import { zoneOffsets, type OffsetAt } from './wall-time.ts';
import { ianaZoneOf } from './zone-names.ts';

// The offsets each TZID of one calendar part stands for. A name the tz database knows (directly or
// through the Windows mapping) is read from the database, which is current; the VTIMEZONE the sender
// attached is read only for ids that name no zone, such as Exchange's "Customized Time Zone".
// Nothing falls back to the machine's zone: an id that is neither is refused.

export type ZoneLookup = (tzid: string) => OffsetAt | { reason: string };

export function zoneBook(calendars: readonly IcsComponent[]): ZoneLookup {
  const vtimezones = new Map<string, IcsComponent>();
  for (const vtimezone of calendars.flatMap((calendar) => childrenOf(calendar, 'VTIMEZONE'))) {
    const id = vtimezoneId(vtimezone);
    if (id !== undefined && !vtimezones.has(id)) vtimezones.set(id, vtimezone);
  }
  const resolved = new Map<string, OffsetAt | { reason: string }>();
  return (tzid) => {
    let zone = resolved.get(tzid);
    if (zone === undefined) {
      zone = resolve(tzid, vtimezones);
      resolved.set(tzid, zone);
    }
    return zone;
  };
}

function resolve(tzid: string, vtimezones: ReadonlyMap<string, IcsComponent>): OffsetAt | { reason: string } {
  const iana = ianaZoneOf(tzid);
  const known = iana === undefined ? undefined : zoneOffsets(iana);
  if (known !== undefined) return known;
  const vtimezone = vtimezones.get(tzid) ?? findCaseless(vtimezones, tzid);
  if (vtimezone !== undefined) return vtimezoneOffsets(vtimezone);
  return { reason: `is in the time zone "${tzid.slice(0, 80)}", which is neither a known zone nor defined by a VTIMEZONE` };
}

function findCaseless(vtimezones: ReadonlyMap<string, IcsComponent>, tzid: string): IcsComponent | undefined {
  const wanted = tzid.toLowerCase();
  for (const [id, vtimezone] of vtimezones) if (id.toLowerCase() === wanted) return vtimezone;
  return undefined;
}
