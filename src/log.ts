// Logs go to stderr, one line per event; `--log-format json` makes them JSON lines. Addresses,
// subjects and bodies only at debug level; tokens never.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(scope: string): Logger;
}

export interface LoggerOptions {
  format: 'text' | 'json';
  level: LogLevel;
  write?: (line: string) => void;
  now?: () => Date;
}

function textLine(level: LogLevel, scope: string, event: string, fields: LogFields): string {
  const pairs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : v}`);
  return [level.toUpperCase().padEnd(5), scope ? `[${scope}]` : '', event, ...pairs].filter(Boolean).join(' ');
}

export function createLogger(options: LoggerOptions, scope = ''): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const emit = (level: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (ORDER[level] < ORDER[options.level]) return;
    write(
      options.format === 'json'
        ? JSON.stringify({ time: now().toISOString(), level, scope: scope || undefined, event, ...fields })
        : textLine(level, scope, event, fields),
    );
  };
  return {
    debug: emit('debug'),
    info: emit('info'),
    warn: emit('warn'),
    error: emit('error'),
    child: (name) => createLogger(options, scope ? `${scope}.${name}` : name),
  };
}
