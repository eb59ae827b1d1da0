import type { DiscoverySettings } from '../core/discovery/types.ts';
import type { Interview, Me, Policy } from '../core/types.ts';

export interface GmailSettings {
  quotaUnitsPerMinute: number;
  maxConcurrency: number;
}

/** You, as the config says; the mailbox may add addresses (Gmail) and the name (commands/gather.ts). */
export interface ConfigMe extends Omit<Me, 'name'> {
  name?: string;
}

/** A loaded config with every default applied. */
export interface Config {
  /** Absolute path of the file it came from. */
  file: string;
  me: ConfigMe;
  /** IANA zone, canonical spelling. */
  timezone: string;
  interviews: Interview[];
  policy: Policy;
  discovery: DiscoverySettings;
  gmail: GmailSettings;
}
