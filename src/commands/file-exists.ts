import { access } from 'node:fs/promises';

/** Whether anything is at `path` (a file the scheduler wrote, a config the job will need). */
export function fileExists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
