import { statSync } from 'node:fs';
import { InputError } from '../errors.ts';
import { emlDirMailbox } from './eml-dir.ts';
import { mboxMailbox } from './mbox.ts';
import type { MboxOptions } from './mbox.ts';
import type { Mailbox } from './port.ts';

/** An mbox file or a folder of .eml files, whichever the path is. */
export function mailboxFor(path: string, options: MboxOptions = {}): Mailbox {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? (error as Error).message})`;
    throw new InputError(`${path} ${what}. Pass an mbox file or a folder of .eml files.`, { cause: error });
  }
  if (info.isDirectory()) return emlDirMailbox(path);
  if (info.isFile()) return mboxMailbox(path, options);
  throw new InputError(`${path} is neither a file nor a folder. Pass an mbox file or a folder of .eml files.`);
}
