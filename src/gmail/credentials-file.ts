import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, FollowupError } from '../errors.ts';
import { configDir } from '../state/paths.ts';

/** The OAuth client a user downloads from Google Cloud Console ("Desktop app"; see credentials.example.json). */
export interface OAuthClientFile {
  client_id: string;
  client_secret: string;
}

/** The OAuth client file cannot be used for `followup auth`: a setup mistake, exit code 2 like a bad config. */
export class CredentialsFileError extends FollowupError {
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`, EXIT.config);
  }
}

const HOW_TO_GET =
  'In Google Cloud Console → APIs & Services → Credentials, create an OAuth client ID of type "Desktop app" and download its JSON (see README).';

// The placeholders of credentials.example.json, which new users copy as is.
const EXAMPLE_CLIENT_ID = '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com';
const PLACEHOLDER = /replace-with|your-project-id|your-client/i;

// Google lets a Desktop client redirect to any port of the loopback address
// (https://developers.google.com/identity/protocols/oauth2/native-app#redirect-uri_loopback).
const LOOPBACK = /^http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?\/?$/;

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

export function defaultCredentialsPath(env: Readonly<Record<string, string | undefined>>): string {
  return join(configDir(env), 'credentials.json');
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new CredentialsFileError(path, `cannot read the OAuth client file (${code}). ${HOW_TO_GET} Save it there, or pass --credentials FILE.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new CredentialsFileError(path, `is not JSON: it should be the OAuth client file from Google Cloud Console. ${HOW_TO_GET}`);
  }
}

/** What kind of wrong file this is, when it is a Google file of another kind. */
function wrongKind(json: Obj): string | undefined {
  if (json.type === 'service_account') return `is a service-account key, not an OAuth client. ${HOW_TO_GET}`;
  if (json.type === 'authorized_user') return `is a saved sign-in (a token), not the OAuth client file. ${HOW_TO_GET}`;
  if (obj(json.web)) {
    return `is a "Web application" OAuth client: Google does not let it sign in through a port on this machine. ${HOW_TO_GET}`;
  }
  if (!obj(json.installed)) return `is not a Google OAuth client file (no "installed" client in it; see credentials.example.json). ${HOW_TO_GET}`;
  return undefined;
}

function clientProblem(client: Obj): string | undefined {
  const { client_id: id, client_secret: secret } = client;
  if (typeof id !== 'string' || id === '' || typeof secret !== 'string' || secret === '') {
    return `has no client_id or client_secret in "installed". ${HOW_TO_GET}`;
  }
  if (id === EXAMPLE_CLIENT_ID || PLACEHOLDER.test(id) || PLACEHOLDER.test(secret) || PLACEHOLDER.test(String(client.project_id ?? ''))) {
    return `holds the placeholder client of credentials.example.json, not yours. ${HOW_TO_GET}`;
  }
  if (!id.endsWith('.apps.googleusercontent.com')) {
    return `client_id ${JSON.stringify(id.slice(0, 80))} is not a Google OAuth client id (…apps.googleusercontent.com). ${HOW_TO_GET}`;
  }
  const uris = client.redirect_uris;
  if (Array.isArray(uris) && uris.length > 0 && !uris.some((u) => typeof u === 'string' && LOOPBACK.test(u))) {
    return `its redirect URIs (${uris.map(String).join(', ').slice(0, 200)}) do not point at this machine (http://localhost or http://127.0.0.1). ${HOW_TO_GET}`;
  }
  return undefined;
}

/** Reads and checks the OAuth client file before anything is opened, with one specific line per kind
 *  of wrong file: an example copied as is, a Web client, a service-account key, a token. */
export async function readOAuthClientFile(path: string): Promise<OAuthClientFile> {
  const json = obj(await readJson(path));
  if (json === undefined) throw new CredentialsFileError(path, `is not a Google OAuth client file. ${HOW_TO_GET}`);
  const kind = wrongKind(json);
  if (kind !== undefined) throw new CredentialsFileError(path, kind);
  const client = obj(json.installed)!;
  const problem = clientProblem(client);
  if (problem !== undefined) throw new CredentialsFileError(path, problem);
  return { client_id: client.client_id as string, client_secret: client.client_secret as string };
}
