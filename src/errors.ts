// The few error types the CLI maps to exit codes (src/cli.ts is the only place that exits).

export const EXIT = {
  ok: 0,
  internal: 1,
  config: 2,
  auth: 3,
  gmail: 4,
  partial: 5,
  locked: 6,
  input: 7,
  /** `followup status`: the last run failed, or none succeeded in the last 24 hours (for monitors). */
  unhealthy: 8,
  usage: 64,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class FollowupError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** The config file is missing, unreadable or invalid. `problems` holds one line per problem. */
export class ConfigError extends FollowupError {
  readonly problems: string[];
  constructor(problems: string[], file?: string) {
    super(
      `${file ? `${file}: ` : ''}invalid config:\n${problems.map((p) => `  ${p}`).join('\n')}`,
      EXIT.config,
    );
    this.problems = problems;
  }
}

/** No usable Google sign-in: the user must run `followup auth`. */
export class AuthError extends FollowupError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.auth, options);
  }
}

/** Gmail refused or failed after retries. */
export class GmailError extends FollowupError {
  readonly status?: number;
  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, EXIT.gmail, options);
    this.status = options?.status;
  }
}

/** An input file or folder (mbox, .eml folder, drafts folder) cannot be read. */
export class InputError extends FollowupError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, EXIT.input, options);
  }
}

/** Another run holds the lock. */
export class LockedError extends FollowupError {
  constructor(message: string) {
    super(message, EXIT.locked);
  }
}

export class UsageError extends FollowupError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}
