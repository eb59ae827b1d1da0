// `followup init`: a commented starter config, with a copy of the JSON Schema beside it so
// "$schema": "./config.schema.json" resolves in editors wherever the file lives.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { EXIT, FollowupError, UsageError } from '../errors.ts';
import { defaultConfigPath } from '../state/paths.ts';
import { configJsonSchemaText, SCHEMA_FILE_NAME } from './json-schema.ts';
import { systemTimeZone } from './time-zone.ts';

export function starterConfigText(timezone: string): string {
  return `// interview-followup config (JSONC: comments and trailing commas are fine).
// Your editor checks this file against ${SCHEMA_FILE_NAME}, next to it.
{
  "$schema": "./${SCHEMA_FILE_NAME}",

  // You: drafts are signed with your name (and phone, if you give one: they may prefer to call);
  // mail from any of these addresses is yours. With Gmail, your account's address and its
  // send-as aliases count as yours too; with --mbox, list every address you send from.
  "me": { "name": "Alex Doe", "emails": ["alex@example.com"] },

  // Your IANA time zone: deadlines ("by the end of the next day") are counted in it.
  "timezone": ${JSON.stringify(timezone)},

  // Your interviews are found in your mail, from their calendar invitations: run
  // \`followup interviews\` to see them. Add one here only to type it in yourself, or run
  // \`followup interviews add ID\` to keep a found one here, then add what only you know:
  //   { "id": "acme-2026-11-18-3f9a", "company": "Acme", "role": "Backend Engineer",
  //     "start": "2026-11-18T10:00:00-05:00", "durationMinutes": 60,
  //     "interviewers": [{ "name": "Jane Smith", "email": "jane@acme.example", "topics": ["event sourcing"] }],
  //     "contact": "jane@acme.example",      // who gets the check-in (default: the first interviewer)
  //     "decisionExpected": "2026-11-25" }   // when they said they would be in touch
  "interviews": [],

  // How interviews are found: "auto" follows them up like configured ones; "suggest" only lists
  // them; "off" uses only the interviews above. Ignore found ones by id or invitation UID, or every
  // invitation involving a domain (a client, a club); look this many days back.
  "discovery": { "mode": "auto", "ignore": [], "ignoreDomains": [], "days": 90 },

  // Optional overrides of the rules' constants (the defaults are shown).
  "policy": {
    // Before this hour the thank-you is due the same day, otherwise by the end of the next day.
    "thankYouCutoffHour": 12,
    // A missing thank-you is drafted for this many days after the interview.
    "thankYouDraftDays": 7,
    // Business days after your thank-you before a check-in is due.
    "checkInBusinessDays": 5,
    // Days of silence after which the tool stops drafting.
    "goneQuietDays": 35,
    // Days off that are not business days, as "YYYY-MM-DD".
    "holidays": [],
  },

  // Optional Gmail API settings: 6000 quota units a minute for Cloud projects created since
  // May 2026, 15000 for older ones; at most this many requests at once.
  "gmail": { "quotaUnitsPerMinute": 6000, "maxConcurrency": 5 },
}
`;
}

export interface StarterOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Written into the file; default: the system's zone. */
  timezone?: string;
}

/** Writes the starter config and its schema; refuses (UsageError) to overwrite a config. */
export async function writeStarterConfig(
  file?: string,
  options: StarterOptions = {},
): Promise<{ configFile: string; schemaFile: string }> {
  const configFile = resolve(file ?? defaultConfigPath(options.env));
  const schemaFile = join(dirname(configFile), SCHEMA_FILE_NAME);
  const text = starterConfigText(options.timezone ?? systemTimeZone());
  try {
    await mkdir(dirname(configFile), { recursive: true, mode: 0o700 });
    // "wx" fails if the file exists, so a config that appears meanwhile is never clobbered.
    await writeFile(configFile, text, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError(`${configFile} already exists; edit it, or pass another path to write a new one`);
    }
    throw new FollowupError(`cannot write ${configFile}: ${(error as Error).message}`, EXIT.config, {
      cause: error,
    });
  }
  await writeFile(schemaFile, configJsonSchemaText());
  return { configFile, schemaFile };
}
