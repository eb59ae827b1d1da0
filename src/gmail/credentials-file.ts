import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { configDir } from '../state/paths.ts';

/** The OAuth client a user downloads from Google Cloud Console ("Desktop app"; see credentials.example.json). */
export interface OAuthClientFile {
  client_id: string;
  client_secret: string;
}

const ClientSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });
const FileSchema = z.union([z.object({ installed: ClientSchema }), z.object({ web: ClientSchema })]);

export function defaultCredentialsPath(env: Readonly<Record<string, string | undefined>>): string {
  return join(configDir(env), 'credentials.json');
}

export async function readOAuthClientFile(path: string): Promise<OAuthClientFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError([`Cannot read the OAuth client file ${path}: download it from Google Cloud Console (see README).`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError([`${path} is not JSON: it should be the OAuth client file from Google Cloud Console.`]);
  }
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError([`${path} is not a Desktop-app OAuth client file (see credentials.example.json).`]);
  }
  const { client_id, client_secret } = 'installed' in parsed.data ? parsed.data.installed : parsed.data.web;
  return { client_id, client_secret };
}
