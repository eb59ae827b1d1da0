// `followup interviews add` and `ignore`: found interviews written into the user's config file, or
// their ids into discovery.ignore. The file keeps its comments, order and formatting; the result
// must validate before it replaces the file, atomically and with the file's own mode.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { TZDate } from '@date-fns/tz';
import writeFileAtomic from 'write-file-atomic';
import type { Interview } from '../core/types.ts';
import { ConfigError } from '../errors.ts';
import { defaultConfigPath } from '../state/paths.ts';
import { appendToArray } from './edit-config.ts';
import { parseJsonc } from './jsonc.ts';
import { parseConfigText, readConfigFile } from './load.ts';
import { companyDomains } from './resolve.ts';
import { writeStarterConfig } from './starter.ts';
import { systemTimeZone } from './time-zone.ts';

/** "2026-11-18T10:00:00-05:00": the start as a person reads it, with the offset of their zone. */
export function localIso(instant: Date, timezone: string): string {
  return new TZDate(instant.getTime(), timezone).toISOString().replace(/\.000(?=[+-Z])/, '');
}

/** The config entry for a found interview: what was found, the invite UID that links the two, and
 *  empty topics for the user to fill in. Defaults (domains, contact) are left out when they hold. */
export function configEntryFor(interview: Interview, timezone: string): Record<string, unknown> {
  const interviewers = interview.interviewers.map((i) => ({ name: i.name, email: i.email, topics: [...i.topics] }));
  const defaultDomains = companyDomains(interview.interviewers);
  const sameDomains = defaultDomains.length === interview.domains.length && defaultDomains.every((d) => interview.domains.includes(d));
  const contactIsFirst = interview.contact.email === interview.interviewers[0]?.email;
  return {
    id: interview.id,
    company: interview.company,
    ...(interview.role ? { role: interview.role } : {}),
    start: localIso(interview.start, timezone),
    durationMinutes: interview.durationMinutes,
    interviewers,
    ...(sameDomains ? {} : { domains: [...interview.domains] }),
    ...(contactIsFirst ? {} : { contact: interview.contact.name ? { name: interview.contact.name, email: interview.contact.email } : interview.contact.email }),
    ...(interview.invite ? { invite: interview.invite } : {}),
  };
}

/** The config's text; a config that is not there yet is first written from the starter. */
function currentText(file: string): Promise<string> {
  return readConfigFile(file, async () => {
    await writeStarterConfig(file);
    return readFile(file, 'utf8');
  });
}

/** Applies `edit` to the config text, checks the result, and replaces the file. */
async function editConfig(file: string | undefined, edit: (text: string) => string): Promise<string> {
  const path = resolve(file ?? defaultConfigPath());
  const before = await currentText(path);
  const after = edit(before);
  const checked = parseConfigText(after, { file: path, systemTimeZone: systemTimeZone() });
  if (!checked.ok) throw new ConfigError(checked.problems, path);
  const mode = (await stat(path)).mode & 0o777;
  await writeFileAtomic(path, after, { mode });
  return path;
}

/** Writes the interviews into the config; returns the file written. */
export function addInterviewsToConfig(file: string | undefined, interviews: readonly Interview[], timezone: string): Promise<string> {
  return editConfig(file, (text) => interviews.reduce((t, interview) => appendToArray(t, ['interviews'], configEntryFor(interview, timezone)), text));
}

/** Adds ids or UIDs to discovery.ignore; returns the file written. */
export function ignoreInConfig(file: string | undefined, ids: readonly string[]): Promise<string> {
  return editConfig(file, (text) => {
    const parsed = parseJsonc(text);
    const discovery = parsed.ok ? (parsed.value as { discovery?: { ignore?: unknown } } | null)?.discovery : undefined;
    const already = new Set(Array.isArray(discovery?.ignore) ? discovery.ignore : []);
    return [...new Set(ids)].filter((id) => !already.has(id)).reduce((t, id) => appendToArray(t, ['discovery', 'ignore'], id), text);
  });
}
