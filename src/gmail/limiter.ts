import pLimit from 'p-limit';
import pThrottle from 'p-throttle';
import { withGmailRetry, type RetryEvent, type RetryOptions } from './retry.ts';

/** Quota units per method (https://developers.google.com/gmail/api/reference/quota; threads.* as
 *  commonly cited, docs/gmail.md §4). Only methods this tool calls are listed: none of them sends. */
export const METHOD_UNITS = {
  'getProfile': 1,
  'labels.list': 1,
  'settings.sendAs.list': 1,
  'history.list': 2,
  'messages.list': 5,
  'messages.get': 5,
  'messages.attachments.get': 5,
  'drafts.list': 5,
  'drafts.get': 5,
  'threads.list': 10,
  'threads.get': 10,
  'drafts.create': 10,
  'drafts.delete': 10,
} as const;

export type GmailMethod = keyof typeof METHOD_UNITS;

const MAX_UNITS = Math.max(...Object.values(METHOD_UNITS));

export interface GmailLimiterOptions {
  /** Per-user quota: 6,000 for Cloud projects created since May 2026, 15,000 for older ones. */
  quotaUnitsPerMinute?: number;
  /** The quota's window; only tests shorten it. */
  quotaWindowMs?: number;
  /** Share of the quota to use, so timing differences between us and Gmail never tip a window over. */
  quotaHeadroom?: number;
  /** Requests in flight at once (Gmail refuses "too many concurrent requests for user"). */
  concurrency?: number;
  retry?: RetryOptions;
}

export interface GmailLimiterStats {
  requests: number;
  units: number;
  retries: number;
}

export interface GmailLimiter {
  /** One request under the quota and concurrency limits, retried when Gmail says it is transient. */
  call<T>(method: GmailMethod, request: () => Promise<T>): Promise<T>;
  /** One attempt under the limits, never retried (for calls whose retry needs a check first). */
  once<T>(method: GmailMethod, request: () => Promise<T>): Promise<T>;
  /** The shared retry policy around several attempts (each of which should go through `once`). */
  retry<T>(what: string, attempt: (attemptNumber: number) => Promise<T>): Promise<T>;
  stats(): GmailLimiterStats;
}

/** Quota throttle: p-throttle's strict (sliding) window over 1/30 of the quota window (2 s of a
 *  minute), so the rate stays even, no minute ever holds more than the quota, and no second more
 *  than ~200 units (Gmail's older limit was 250 per user per second). A slice holds about 19
 *  ten-unit requests, so little is lost to rounding; with 1 s slices, 95 units fit only 9. */
function quotaGate(unitsPerWindow: number, windowMs: number): (units: number) => Promise<void> {
  let slices = 30;
  while (slices > 1 && unitsPerWindow / slices < MAX_UNITS) slices /= 2;
  const limit = Math.max(MAX_UNITS, Math.floor(unitsPerWindow / slices));
  const throttle = pThrottle({ limit, interval: windowMs / slices, strict: true, weight: (units: number) => units });
  return throttle(async (_units: number) => {});
}

export function createGmailLimiter(options: GmailLimiterOptions = {}): GmailLimiter {
  const quota = (options.quotaUnitsPerMinute ?? 6000) * (options.quotaHeadroom ?? 0.97);
  const gate = quotaGate(quota, options.quotaWindowMs ?? 60_000);
  const limit = pLimit(options.concurrency ?? 5);
  const stats: GmailLimiterStats = { requests: 0, units: 0, retries: 0 };
  const retryOptions: RetryOptions = {
    ...options.retry,
    onRetry: (event: RetryEvent) => {
      stats.retries++;
      options.retry?.onRetry?.(event);
    },
  };
  const once = <T>(method: GmailMethod, request: () => Promise<T>): Promise<T> =>
    limit(async () => {
      await gate(METHOD_UNITS[method]);
      stats.requests++;
      stats.units += METHOD_UNITS[method];
      return request();
    });
  const retry = <T>(what: string, attempt: (n: number) => Promise<T>): Promise<T> =>
    withGmailRetry(what, attempt, retryOptions);
  return {
    once,
    retry,
    call: (method, request) => retry(method, () => once(method, request)),
    stats: () => ({ ...stats }),
  };
}
