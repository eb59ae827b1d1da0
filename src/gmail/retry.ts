import pRetry, { AbortError, type RetryContext } from 'p-retry';
import { AuthError, FollowupError, GmailError } from '../errors.ts';
import { describeGmailError, type GmailErrorInfo } from './error-info.ts';

export const SIGN_IN_EXPIRED = 'Your Google sign-in has expired or was revoked. Run `followup auth`.';
export const SCOPES_MISSING =
  'Your Google sign-in does not allow reading mail and creating drafts (gmail.readonly and gmail.compose). Run `followup auth`.';

export interface RetryEvent {
  what: string;
  attempt: number;
  /** How long until the next attempt: the backoff, or Retry-After when that is longer. */
  delayMs: number;
  status?: number;
  reason?: string;
  /** The network error code when no response came (ECONNREFUSED, ENOTFOUND …). */
  code?: string;
  /** The request's origin and path (never its query), so the first retry line says where it went. */
  url?: string;
}

export interface RetryOptions {
  retries?: number;
  factor?: number;
  /** First backoff delay (ms); p-retry doubles it with jitter up to maxTimeout. */
  minTimeout?: number;
  maxTimeout?: number;
  randomize?: boolean;
  /** A Retry-After longer than this gives up instead of waiting. */
  maxRetryAfterMs?: number;
  /** Retries when nothing listens at the address or the host name does not resolve: a wrong root
   *  URL or no network at all, which a minute of backoff would not mend. */
  unreachableRetries?: number;
  /** Waits the part of a Retry-After that the backoff does not already cover (injectable for tests). */
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (event: RetryEvent) => void;
}

const DEFAULTS = {
  retries: 6,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 32_000,
  randomize: true,
  maxRetryAfterMs: 120_000,
  unreachableRetries: 2,
};

// Google: "truncated exponential backoff" for 429, 5xx and 403 rate limits
// (https://developers.google.com/workspace/gmail/api/guides/handle-errors).
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'concurrentLimitExceeded']);
const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT']);
const OAUTH_FATAL = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'invalid_token']);
const NETWORK_CODE =
  /^(?:ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENOTFOUND|ENETUNREACH|EHOSTUNREACH|UND_ERR_\w{1,40}|TimeoutError|AbortError|ERR_STREAM_PREMATURE_CLOSE)$/;
const NETWORK_MESSAGE = /fetch failed|socket hang up|network|timed? ?out|aborted|ECONNRESET/i;
const UNREACHABLE_CODE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

function isUnreachable(info: GmailErrorInfo): boolean {
  return info.status === undefined && info.code !== undefined && UNREACHABLE_CODE.has(info.code);
}

export type Verdict = { kind: 'retry' } | { kind: 'stop'; error: FollowupError };

function describe(info: GmailErrorInfo): string {
  const reason = info.reasons[0] ?? info.oauthError;
  return [info.status ?? info.code, reason, info.message].filter((p) => p !== undefined && p !== '').join(': ');
}

export function classifyGmailError(info: GmailErrorInfo, what: string): Verdict {
  const { status, reasons } = info;
  if (info.oauthError !== undefined && OAUTH_FATAL.has(info.oauthError)) {
    return { kind: 'stop', error: new AuthError(SIGN_IN_EXPIRED) };
  }
  if (status === 401) return { kind: 'stop', error: new AuthError(SIGN_IN_EXPIRED) };
  if (status === 403 && reasons.some((r) => SCOPE_REASONS.has(r))) {
    return { kind: 'stop', error: new AuthError(SCOPES_MISSING) };
  }
  if (status === 429 || status === 408 || (status !== undefined && status >= 500)) return { kind: 'retry' };
  if (status === 403 && reasons.some((r) => RATE_LIMIT_REASONS.has(r))) return { kind: 'retry' };
  if (status === undefined && /no refresh token|refresh token is not set/i.test(info.message)) {
    return { kind: 'stop', error: new AuthError(SIGN_IN_EXPIRED) };
  }
  if (status === undefined && ((info.code && NETWORK_CODE.test(info.code)) || NETWORK_MESSAGE.test(info.message))) {
    return { kind: 'retry' };
  }
  const error = new GmailError(`Gmail ${what} failed (${describe(info)}).`, status === undefined ? {} : { status });
  return { kind: 'stop', error };
}

// Errors keep no `cause`: a gaxios error carries the request config, bearer token included, and
// tokens must never reach a log.
class RetryableError extends Error {
  readonly info: GmailErrorInfo;
  constructor(info: GmailErrorInfo) {
    super(describe(info));
    this.info = info;
  }
}

function classified(error: unknown, what: string): Error {
  if (error instanceof FollowupError) return new AbortError(error);
  const info = describeGmailError(error);
  const verdict = classifyGmailError(info, what);
  return verdict.kind === 'retry' ? new RetryableError(info) : new AbortError(verdict.error);
}

function unreachableMessage(what: string, info: GmailErrorInfo, attempts: number): string {
  const where = info.url ?? 'Gmail';
  const why = info.code === 'ECONNREFUSED'
    ? `nothing answers at ${where} (connection refused)`
    : `the host of ${where} cannot be found (${info.code}): check the network connection`;
  return `Gmail ${what} failed after ${attempts} attempts: ${why}.`;
}

function gaveUp(what: string, error: RetryableError, attempts: number): GmailError {
  const { info } = error;
  const message = isUnreachable(info)
    ? unreachableMessage(what, info, attempts)
    : `Gmail ${what} still failing after ${attempts} attempts (${error.message})${info.url ? ` at ${info.url}` : ''}.`;
  return new GmailError(message, info.status === undefined ? {} : { status: info.status });
}

type Settings = typeof DEFAULTS & RetryOptions;

/** Before the next attempt: report it, and wait out the part of Retry-After the backoff does not cover. */
function beforeRetry(what: string, o: Settings): (context: RetryContext) => Promise<void> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async ({ error, attemptNumber, retryDelay, retriesLeft }) => {
    if (!(error instanceof RetryableError) || retriesLeft === 0) return;
    const retryAfter = error.info.retryAfterMs ?? 0;
    if (retryAfter > o.maxRetryAfterMs) throw gaveUp(what, error, attemptNumber);
    if (isUnreachable(error.info) && attemptNumber > o.unreachableRetries) throw gaveUp(what, error, attemptNumber);
    const { status, code, url } = error.info;
    const reason = error.info.reasons[0];
    o.onRetry?.({
      what,
      attempt: attemptNumber,
      delayMs: Math.max(retryAfter, retryDelay),
      ...(status === undefined ? {} : { status }),
      ...(reason === undefined ? {} : { reason }),
      ...(code === undefined ? {} : { code }),
      ...(url === undefined ? {} : { url }),
    });
    if (retryAfter > retryDelay) await sleep(retryAfter - retryDelay);
  };
}

/** Runs `attempt` until it succeeds, retrying only what Gmail says is transient (429, 5xx, 403 rate
 *  limits, network errors) with exponential backoff and jitter, waiting at least Retry-After; an
 *  address nobody answers at is tried only `unreachableRetries` more times.
 *  Everything else fails at once as an AuthError or GmailError. gaxios's own retries must be off. */
export async function withGmailRetry<T>(
  what: string,
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const o: Settings = { ...DEFAULTS, ...options };
  let attempts = 0;
  const input = async (n: number): Promise<T> => {
    attempts = n;
    try {
      return await attempt(n);
    } catch (error) {
      throw classified(error, what);
    }
  };
  try {
    const { retries, factor, minTimeout, maxTimeout, randomize } = o;
    return await pRetry(input, { retries, factor, minTimeout, maxTimeout, randomize, onFailedAttempt: beforeRetry(what, o) });
  } catch (error) {
    if (error instanceof RetryableError) throw gaveUp(what, error, attempts);
    throw error;
  }
}
