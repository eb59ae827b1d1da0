// googleapis errors are duck-typed: `instanceof GaxiosError` is false across the several gaxios
// copies in node_modules (docs/gmail.md §4), and OAuth token errors come from another copy again.

export interface GmailErrorInfo {
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Reasons from Gmail's error body (errors[].reason and details[].reason). */
  reasons: string[];
  /** The OAuth error code of a token refresh ("invalid_grant"). */
  oauthError?: string;
  /** Network error code (ECONNRESET, TimeoutError …) when no response arrived. */
  code?: string;
  message: string;
  /** Retry-After in milliseconds, when the response had one. */
  retryAfterMs?: number;
  /** The request's origin and path, without the query (a Gmail search holds addresses). */
  url?: string;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null ? (value as Obj) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function headerOf(headers: unknown, name: string): string | undefined {
  const h = obj(headers);
  if (h === undefined) return undefined;
  if (typeof h.get === 'function') return str((h.get as (n: string) => unknown).call(h, name));
  const key = Object.keys(h).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : str(h[key]);
}

/** Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const trimmed = value?.trim().slice(0, 100);
  if (!trimmed) return undefined;
  if (/^\d{1,9}$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function reasonsOf(data: Obj | undefined): string[] {
  const error = obj(data?.error);
  const lists = [error?.errors, error?.details];
  const reasons: string[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const reason = str(obj(item)?.reason);
      if (reason !== undefined) reasons.push(reason);
    }
  }
  return reasons;
}

function statusOf(e: Obj, response: Obj | undefined): number | undefined {
  for (const candidate of [e.status, response?.status, e.code]) {
    if (typeof candidate === 'number' && candidate >= 100 && candidate < 600) return candidate;
  }
  return undefined;
}

function networkCode(e: Obj): string | undefined {
  const cause = obj(e.cause) ?? obj(e.error);
  return str(e.code) ?? str(cause?.code) ?? str(obj(cause?.cause)?.code) ?? str(e.name);
}

/** Origin and path only: queries such as `q=from:(jane@acme.com)` never reach a message or a log. */
export function urlWithoutQuery(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  try {
    const url = new URL(String(value));
    return `${url.origin}${url.pathname}`;
  } catch {
    return undefined;
  }
}

const URL_QUERY = /(https?:\/\/[^\s?#]{1,2000})[?#][^\s]*/g;

export function describeGmailError(error: unknown, now: number = Date.now()): GmailErrorInfo {
  const e = obj(error) ?? {};
  const response = obj(e.response);
  const data = obj(response?.data);
  const status = statusOf(e, response);
  const message = (str(e.message) ?? String(error)).replace(URL_QUERY, '$1');
  const info: GmailErrorInfo = {
    reasons: reasonsOf(data),
    message: (str(obj(data?.error)?.message) ?? str(data?.error_description) ?? message).slice(0, 500),
  };
  if (status === undefined) info.code = networkCode(e);
  else info.status = status;
  const oauthError = str(data?.error) ?? (/\binvalid_grant\b/.test(message) ? 'invalid_grant' : undefined);
  if (oauthError !== undefined) info.oauthError = oauthError;
  const retryAfterMs = parseRetryAfter(headerOf(response?.headers, 'retry-after'), now);
  if (retryAfterMs !== undefined) info.retryAfterMs = retryAfterMs;
  const url = urlWithoutQuery(obj(e.config)?.url ?? obj(response?.config)?.url);
  if (url !== undefined) info.url = url;
  return info;
}
