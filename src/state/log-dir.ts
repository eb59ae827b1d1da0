// Where a scheduled run's output goes. macOS keeps per-user logs in ~/Library/Logs (Console.app
// shows them); elsewhere they are state data, which the XDG spec places under $XDG_STATE_HOME
// ("actions history (logs, history, …)", https://specifications.freedesktop.org/basedir-spec/latest/).
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { APP_DIR, stateDir } from './paths.ts';

type Env = Readonly<Record<string, string | undefined>>;

export function logDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'darwin') return join(stateDir(env), 'logs');
  const home = env.HOME !== undefined && isAbsolute(env.HOME) ? env.HOME : homedir();
  return join(home, 'Library', 'Logs', APP_DIR);
}
