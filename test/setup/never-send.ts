// Suite-wide guard (a vitest setupFile): any test whose code asks Gmail to send, insert, import,
// trash or delete mail fails, whichever server or mock the request was meant for. Requests are seen
// through Node's diagnostics channels, so node:http (gaxios/node-fetch, nock) and fetch (undici)
// are both covered without patching either.
import { subscribe } from 'node:diagnostics_channel';
import { afterEach } from 'vitest';
import { forbiddenGmailRequest } from '../helpers/gmail-forbidden.ts';

interface GuardState {
  subscribed: boolean;
  caught: string[];
}

const KEY = Symbol.for('interview-followup.never-send');
const holder = globalThis as typeof globalThis & { [KEY]?: GuardState };
const state: GuardState = (holder[KEY] ??= { subscribed: false, caught: [] });

function check(method: unknown, url: unknown): void {
  if (typeof method !== 'string' || typeof url !== 'string') return;
  const why = forbiddenGmailRequest(method, url);
  if (why !== undefined) state.caught.push(`${method} ${url} (${why})`);
}

if (!state.subscribed) {
  state.subscribed = true;
  subscribe('http.client.request.created', (message) => {
    const request = (message as { request?: { method?: unknown; path?: unknown } }).request;
    check(request?.method, request?.path);
  });
  subscribe('undici:request:create', (message) => {
    const request = (message as { request?: { method?: unknown; path?: unknown } }).request;
    check(request?.method, request?.path);
  });
}

/** The forbidden requests seen since the last call (and forgets them): for the test proving the guard. */
export function takeForbiddenRequests(): string[] {
  return state.caught.splice(0);
}

/** Throws (and forgets) when a forbidden request was seen: run after every test of the suite. */
export function assertNothingForbidden(): void {
  const caught = takeForbiddenRequests();
  if (caught.length > 0) {
    throw new Error(`The product must never send or delete mail, but this test made:\n  ${caught.join('\n  ')}`);
  }
}

afterEach(assertNothingForbidden);
