import type { Interview, Me, Policy } from '../core/types.ts';

export interface GmailSettings {
  quotaUnitsPerMinute: number;
  maxConcurrency: number;
}

/** A loaded config with every default applied. */
export interface Config {
  /** Absolute path of the file it came from. */
  file: string;
  me: Me;
  /** IANA zone, canonical spelling. */
  timezone: string;
  interviews: Interview[];
  policy: Policy;
  gmail: GmailSettings;
}
