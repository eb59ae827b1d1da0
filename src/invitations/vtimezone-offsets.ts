import { childrenOf, propertiesOf, propertyOf, type IcsComponent } from './ics-components.ts';
import { parseDateTimeText } from './ics-dates.ts';
import { unescapeText } from './ics-lines.ts';
import { ruleDay, yearlyRule, type YearlyRule } from './tz-yearly-rule.ts';
import { wallAsUtc, type OffsetAt, type WallTime } from './wall-time.ts';

// The UTC offsets a VTIMEZONE defines (RFC 5545 §3.6.5), for a TZID that names no zone we know
// (Exchange's "Customized Time Zone", a vendor-prefixed id). Each STANDARD/DAYLIGHT observance
// starts at its DTSTART and again at every date of its RRULE or RDATE; the offset in force at an
// instant is the TZOFFSETTO of the latest onset before it. The RRULEs senders write for time zones
// are yearly ones (BYMONTH with BYDAY=2SU / -1SU, or BYMONTHDAY); any other rule is refused rather
// than guessed.

interface Observance {
  start: WallTime;
  offsetFrom: number;
  offsetTo: number;
  rule?: YearlyRule;
  rdates: WallTime[];
}

const MAX_RDATES = 500;

export function vtimezoneId(vtimezone: IcsComponent): string | undefined {
  const tzid = propertyOf(vtimezone, 'TZID');
  return tzid === undefined ? undefined : unescapeText(tzid.value).trim();
}

/** The offsets of a VTIMEZONE, or the reason it cannot be read. */
export function vtimezoneOffsets(vtimezone: IcsComponent): OffsetAt | { reason: string } {
  const observances: Observance[] = [];
  for (const child of [...childrenOf(vtimezone, 'STANDARD'), ...childrenOf(vtimezone, 'DAYLIGHT')]) {
    const observance = readObservance(child);
    if (typeof observance === 'string') return { reason: `is in a time zone whose VTIMEZONE ${observance}` };
    observances.push(observance);
  }
  if (observances.length === 0) return { reason: 'is in a time zone whose VTIMEZONE has no STANDARD or DAYLIGHT rules' };
  return (epochMs) => offsetIn(observances, epochMs);
}

function offsetIn(observances: readonly Observance[], epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  let latest: { at: number; offset: number } | undefined;
  let earliest: { at: number; offset: number } | undefined;
  for (const observance of observances) {
    for (const at of onsets(observance, year - 1, year + 1)) {
      if (at <= epochMs && (latest === undefined || at > latest.at)) latest = { at, offset: observance.offsetTo };
      if (earliest === undefined || at < earliest.at) earliest = { at, offset: observance.offsetFrom };
    }
  }
  // Before the first onset of all, the offset is the one the first observance changes from.
  return latest?.offset ?? earliest?.offset ?? 0;
}

/** The onsets (epoch ms) of an observance: its DTSTART, its RDATEs, and its rule's dates in the years. */
function onsets(observance: Observance, fromYear: number, toYear: number): number[] {
  const at = (wall: WallTime): number => wallAsUtc(wall) - observance.offsetFrom * 60_000;
  const found = [at(observance.start), ...observance.rdates.map(at)];
  const rule = observance.rule;
  if (rule === undefined) return found;
  for (let year = Math.max(fromYear, observance.start.year); year <= toYear; year++) {
    if (rule.count !== undefined && year - observance.start.year >= rule.count) break;
    const day = ruleDay(rule, year, observance.start);
    if (day === undefined) continue;
    const onset = at({ ...observance.start, year, month: day.month, day: day.day });
    if (rule.until === undefined || onset <= rule.until) found.push(onset);
  }
  return found;
}

function readObservance(component: IcsComponent): Observance | string {
  const start = wallOf(propertyOf(component, 'DTSTART')?.value);
  const offsetFrom = utcOffset(propertyOf(component, 'TZOFFSETFROM')?.value);
  const offsetTo = utcOffset(propertyOf(component, 'TZOFFSETTO')?.value);
  if (start === undefined) return `${component.name} has no valid DTSTART`;
  if (offsetFrom === undefined || offsetTo === undefined) return `${component.name} has no valid TZOFFSETFROM/TZOFFSETTO`;
  const rdates = propertiesOf(component, 'RDATE').flatMap((line) => line.value.split(','));
  if (rdates.length > MAX_RDATES) return `${component.name} has more than ${MAX_RDATES} RDATEs`;
  const rdateWalls = rdates.map((value) => wallOf(value.split('/')[0]));
  if (rdateWalls.some((wall) => wall === undefined)) return `${component.name} has an RDATE that is no DATE-TIME`;
  const rruleLine = propertyOf(component, 'RRULE');
  const rule = rruleLine === undefined ? undefined : yearlyRule(rruleLine.value, offsetFrom);
  if (typeof rule === 'string') return `${component.name} has an RRULE we do not read (${rule})`;
  return { start, offsetFrom, offsetTo, rule, rdates: rdateWalls as WallTime[] };
}

/** A local DATE-TIME (a stray Z is ignored: observance times are local by definition). */
function wallOf(value: string | undefined): WallTime | undefined {
  return value === undefined ? undefined : parseDateTimeText(value)?.wall;
}

/** "+0530", "-0400", "+013000" → minutes east of UTC. */
function utcOffset(value: string | undefined): number | undefined {
  const match = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(value?.trim() ?? '');
  if (match === null) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60;
  return match[1] === '-' ? -minutes : minutes;
}
