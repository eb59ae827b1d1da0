// Reads the config file; parsing and validation are pure (parseConfigText).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import { defaultConfigPath } from '../state/paths.ts';
import { parseJsonc } from './jsonc.ts';
import { systemTimeZone } from './time-zone.ts';
import type { Config } from './types.ts';
import { validateConfig, type ValidationResult } from './validate.ts';

export interface LoadOptions {
  /** Where XDG_CONFIG_HOME and HOME come from when no file is given. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The zone used when the file names none; default: the system's. */
  systemTimeZone?: string;
  /** No file at the default path means the defaults (with Gmail, nothing needs typing). Never for
   *  a file named with --config: that one must exist. */
  defaultsWhenMissing?: boolean;
}

/** Reads and validates the config; throws ConfigError with every problem. */
export async function loadConfig(file?: string, options: LoadOptions = {}): Promise<Config> {
  const path = resolve(file ?? defaultConfigPath(options.env));
  const whenMissing = file === undefined && options.defaultsWhenMissing ? async () => '{}' : undefined;
  const text = await readConfigFile(path, whenMissing);
  const result = parseConfigText(text, { file: path, systemTimeZone: options.systemTimeZone ?? systemTimeZone() });
  if (!result.ok) throw new ConfigError(result.problems, path);
  return result.config;
}

export function parseConfigText(text: string, options: { file: string; systemTimeZone: string }): ValidationResult {
  const parsed = parseJsonc(text);
  return parsed.ok ? validateConfig(parsed.value, options) : parsed;
}

/** The config file's text; a missing file is `whenMissing`'s text when given, else a ConfigError. */
export async function readConfigFile(path: string, whenMissing?: () => Promise<string>): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      if (whenMissing !== undefined) return whenMissing();
      throw new ConfigError(['no config file here; run `followup init` to write a starter config'], path);
    }
    throw new ConfigError([`cannot read the file (${code ?? String(error)})`], path);
  }
}
