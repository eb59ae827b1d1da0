// HTTP plumbing of the test Gmail server: Gmail's error bodies, query logging, JSON bodies.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './gmail-server-routes.ts';

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED', 500: 'INTERNAL', 503: 'UNAVAILABLE',
};

const DOMAINS: Record<string, string> = { rateLimitExceeded: 'usageLimits', userRateLimitExceeded: 'usageLimits', authError: 'global' };

export function gmailErrorBody(status: number, reason: string, message: string): string {
  const error = { code: status, message, errors: [{ message, domain: DOMAINS[reason] ?? 'global', reason }], status: STATUS_NAMES[status] ?? 'UNKNOWN' };
  return JSON.stringify({ error });
}

export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

export async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 36 * 1024 * 1024) throw new HttpError(413, 'uploadTooLarge', 'Request too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'parseError', 'Invalid JSON payload received.');
  }
}
