// XDG Base Directory locations. The spec says relative values must be ignored, so they fall back
// to the defaults like unset ones (https://specifications.freedesktop.org/basedir-spec/latest/).
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export const APP_DIR = 'interview-followup';

type Env = Readonly<Record<string, string | undefined>>;

function xdgBase(env: Env, variable: string, fallback: string[]): string {
  const value = env[variable];
  if (value !== undefined && isAbsolute(value)) return value;
  const home = env.HOME !== undefined && isAbsolute(env.HOME) ? env.HOME : homedir();
  return join(home, ...fallback);
}

/** `$XDG_CONFIG_HOME/interview-followup` (default ~/.config/interview-followup). */
export function configDir(env: Env = process.env): string {
  return join(xdgBase(env, 'XDG_CONFIG_HOME', ['.config']), APP_DIR);
}

/** `$XDG_STATE_HOME/interview-followup` (default ~/.local/state/interview-followup): ledgers and the lock. */
export function stateDir(env: Env = process.env): string {
  return join(xdgBase(env, 'XDG_STATE_HOME', ['.local', 'state']), APP_DIR);
}

export function defaultConfigPath(env: Env = process.env): string {
  return join(configDir(env), 'config.jsonc');
}

/** The Google sign-in (authorized-user JSON with the refresh token). */
export function tokenPath(env: Env = process.env): string {
  return join(configDir(env), 'token.json');
}
