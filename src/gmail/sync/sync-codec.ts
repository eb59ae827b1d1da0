import * as z from 'zod';
import { SYNC_FORMAT, type SyncState } from './sync-model.ts';

// The sync state as JSON text: dates tagged as {"$date": ISO} so they come back as Dates, and the
// shape checked on the way in. It is a cache: one that cannot be read is read again in full.

const DATE_TAG = '$date';

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (!(original instanceof Date)) return value;
  return { [DATE_TAG]: Number.isNaN(original.getTime()) ? null : original.toISOString() };
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== DATE_TAG) return value;
  const tagged = (value as Record<string, unknown>)[DATE_TAG];
  return new Date(typeof tagged === 'string' ? tagged : NaN);
}

const date = z.instanceof(Date);
const address = z.looseObject({ email: z.string() });
const message = z.looseObject({
  id: z.string(),
  threadId: z.string(),
  date,
  subject: z.string(),
  text: z.string(),
  labels: z.array(z.string()),
  to: z.array(address),
  cc: z.array(address),
  replyTo: z.array(address),
  references: z.array(z.string()),
  headers: z.record(z.string(), z.string()),
});
const warning = z.looseObject({ code: z.string(), message: z.string() });
const draft = z.looseObject({ message, contentHash: z.string(), draftId: z.string().optional(), actionKey: z.string().optional() });
const thread = z.looseObject({ id: z.string(), messages: z.array(message), drafts: z.array(draft), warnings: z.array(warning) });
const hit = z.looseObject({
  messageId: z.string(),
  date: date.optional(),
  labels: z.array(z.string()),
  invitations: z.array(z.looseObject({ event: z.looseObject({ uid: z.string() }), message: z.looseObject({ id: z.string(), date }) })),
  warnings: z.array(warning),
});
const state = z.looseObject({
  format: z.literal(SYNC_FORMAT),
  historyId: z.string().regex(/^\d{1,30}$/),
  savedAt: date,
  identity: z.looseObject({ email: z.string(), aliases: z.array(z.string()), fetchedAt: date }).optional(),
  coverage: z.looseObject({ since: date, keys: z.array(z.string()), atsDomains: z.array(z.string()) }),
  interviews: z.record(z.string(), z.looseObject({ keys: z.array(z.string()) })),
  threads: z.array(thread),
  invitations: z.looseObject({ since: date, hits: z.array(hit) }).optional(),
});

export function encodeSyncState(value: SyncState): string {
  return JSON.stringify(value, replacer);
}

/** The state, or why it cannot be used (then the run reads everything again). */
export function decodeSyncState(text: string): { ok: true; state: SyncState } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text, reviver);
  } catch (error) {
    return { ok: false, problem: `not JSON (${(error as Error).message.slice(0, 100)})` };
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== SYNC_FORMAT) return { ok: false, problem: `format ${String(format)}, not ${SYNC_FORMAT}` };
  const parsed = state.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, state: parsed.data as unknown as SyncState };
}
