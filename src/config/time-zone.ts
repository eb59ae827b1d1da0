// Intl is the authority on which zones this Node build knows. It also accepts UTC offsets such as
// "+05:00", which are not IANA zones and have no daylight-saving rules, so those are refused.
const OFFSET_LIKE = /^[+-]\d/;

export function isIanaTimeZone(zone: string): boolean {
  if (zone === '' || OFFSET_LIKE.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling Intl uses ("america/new_york" → "America/New_York"). */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

export function systemTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}
