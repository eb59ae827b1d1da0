import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { AuthError } from '../errors.ts';
import { SIGN_IN_EXPIRED } from './retry.ts';

// A date field that is missing or garbled is simply unknown: a token file written before these
// fields existed (or edited by hand) still signs in.
const optionalInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s))).optional().catch(undefined);
const optionalSeconds = z.number().positive().optional().catch(undefined);

const AuthorizedUserSchema = z.object({
  type: z.literal('authorized_user'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  refresh_token: z.string().min(1),
  /** When `followup auth` (or a rotation) got this refresh token. */
  issued_at: optionalInstant,
  /** Google's `refresh_token_expires_in` as received: sent for apps in Testing status (7 days). */
  refresh_token_expires_in: optionalSeconds,
  /** The instant that lifetime ends (from the last response that carried it). */
  refresh_token_expires_at: optionalInstant,
  /** The last time the refresh token was exchanged for an access token. */
  last_refresh_at: optionalInstant,
  scope: z.string().optional().catch(undefined),
});

/** The saved sign-in: the "authorized_user" JSON of Google's quickstarts, plus the dates above. */
export type AuthorizedUser = z.infer<typeof AuthorizedUserSchema>;

/** The part of a token response the file keeps (google-auth-library passes Google's JSON through). */
export interface TokenResponse {
  refresh_token?: string | null;
  refresh_token_expires_in?: number | null;
  scope?: string | null;
}

/** The saved sign-in, or undefined when there is none. A garbled file is a sign-in to redo. */
export async function readAuthorizedUser(path: string): Promise<AuthorizedUser | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AuthError(`Cannot read the Google sign-in at ${path}. Run \`followup auth\`.`);
  }
  try {
    const parsed = AuthorizedUserSchema.safeParse(JSON.parse(text));
    if (parsed.success) return withoutUndefined(parsed.data);
  } catch {
    // fall through: not JSON
  }
  throw new AuthError(`The Google sign-in at ${path} is not usable. ${SIGN_IN_EXPIRED}`);
}

function withoutUndefined(user: AuthorizedUser): AuthorizedUser {
  return Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined)) as AuthorizedUser;
}

/** Saves the sign-in readable by the user alone (0600), in a folder only they can list (0700). */
export async function writeAuthorizedUser(path: string, user: AuthorizedUser): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, `${JSON.stringify(withoutUndefined(user), null, 2)}\n`, { mode: 0o600 });
}

/** The dates a token response sets: its refresh token's lifetime, when Google says (apps in Testing). */
function lifetimeFrom(tokens: TokenResponse, now: Date): Partial<AuthorizedUser> {
  const seconds = tokens.refresh_token_expires_in;
  if (typeof seconds !== 'number' || !(seconds > 0)) return {};
  return {
    refresh_token_expires_in: seconds,
    refresh_token_expires_at: new Date(now.getTime() + seconds * 1000).toISOString(),
  };
}

/** The sign-in `followup auth` saves from the code exchange. */
export function newAuthorizedUser(
  client: { client_id: string; client_secret: string },
  tokens: TokenResponse & { refresh_token: string },
  now: Date,
): AuthorizedUser {
  return withoutUndefined({
    type: 'authorized_user',
    client_id: client.client_id,
    client_secret: client.client_secret,
    refresh_token: tokens.refresh_token,
    issued_at: now.toISOString(),
    ...lifetimeFrom(tokens, now),
    scope: tokens.scope ?? undefined,
  });
}

/** The sign-in after a successful refresh: the time, and a rotated refresh token when Google sent one
 *  (a new token: its own issue time, and whatever lifetime the response gave it). */
export function afterRefresh(user: AuthorizedUser, tokens: TokenResponse, now: Date): AuthorizedUser {
  const rotated = typeof tokens.refresh_token === 'string' && tokens.refresh_token !== '' && tokens.refresh_token !== user.refresh_token;
  if (!rotated) return { ...user, last_refresh_at: now.toISOString(), ...lifetimeFrom(tokens, now) };
  const { refresh_token_expires_in: _in, refresh_token_expires_at: _at, ...rest } = user;
  return {
    ...rest,
    refresh_token: tokens.refresh_token as string,
    issued_at: now.toISOString(),
    last_refresh_at: now.toISOString(),
    ...lifetimeFrom(tokens, now),
  };
}
