import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { AuthError } from '../errors.ts';
import { SIGN_IN_EXPIRED } from './retry.ts';

const AuthorizedUserSchema = z.object({
  type: z.literal('authorized_user'),
  client_id: z.string().min(1),
  client_secret: z.string().min(1),
  refresh_token: z.string().min(1),
});

/** The saved sign-in, in the shape Google's quickstarts used ("authorized_user" JSON). */
export type AuthorizedUser = z.infer<typeof AuthorizedUserSchema>;

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
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not JSON
  }
  throw new AuthError(`The Google sign-in at ${path} is not usable. ${SIGN_IN_EXPIRED}`);
}

/** Saves the sign-in readable by the user alone (0600), in a folder only they can list (0700). */
export async function writeAuthorizedUser(path: string, user: AuthorizedUser): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, `${JSON.stringify(user, null, 2)}\n`, { mode: 0o600 });
}
