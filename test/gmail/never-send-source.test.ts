import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');

// The runtime guard (test/setup/never-send.ts) catches requests the tests make; this catches the
// code paths no test happens to reach: no source file may name a Gmail method that sends or destroys.
const FORBIDDEN = /\b(messages|drafts)\s*\.\s*send\b|\bmessages\s*\.\s*(insert|import|trash|untrash|delete|batchDelete|batchModify)\b|\bthreads\s*\.\s*(trash|delete)\b|\bdrafts\s*\.\s*update\b|\/send\b/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve(e.name.endsWith('.ts') ? [join(dir, e.name)] : []))));
  return nested.flat();
}

describe('no code path sends mail', () => {
  it('no file under src/ names a send, insert, import, trash, delete of messages or a draft update', async () => {
    const files = await sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(20);
    const hits: string[] = [];
    for (const file of files) {
      (await readFile(file, 'utf8')).split('\n').forEach((line, n) => {
        if (FORBIDDEN.test(line)) hits.push(`${relative(SRC, file)}:${n + 1}: ${line.trim()}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it('the pattern does catch the calls it is meant to', () => {
    for (const call of ['gmail.users.messages.send({', 'gmail.users.drafts.send(', 'users.messages.trash(', 'users.drafts.update(', "'/gmail/v1/users/me/messages/send'"]) {
      expect(call).toMatch(FORBIDDEN);
    }
    expect('gmail.users.drafts.create(').not.toMatch(FORBIDDEN);
  });
});
