import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { InputError } from '../../src/errors.ts';
import { mailboxFor } from '../../src/mailbox/mailbox-for.ts';
import type { MboxOptions } from '../../src/mailbox/mbox.ts';
import type { MailboxContents, MailboxQuery, ReadProgress } from '../../src/mailbox/port.ts';
import { queryForInterviews } from '../../src/mailbox/query-for-interviews.ts';
import { DEMO_CONFIG, DEMO_MBOX } from '../helpers/cli.ts';
import {
  demoMbox, demoMessages, emlTree, PDF_START, TAKEOUT_MBOX, takeoutTree, tempDir, tgzOf, writeTree, zipBytes, zipOf,
} from '../helpers/mail-inputs.ts';

let query: MailboxQuery;
let expected: MailboxContents;
const DEMO_MESSAGES = 11;

beforeAll(async () => {
  query = queryForInterviews((await loadConfig(DEMO_CONFIG)).interviews);
  expected = await mailboxFor(DEMO_MBOX).read(query);
});

const read = async (path: string, options: MboxOptions = {}): Promise<MailboxContents> => mailboxFor(path, options).read(query);
const sameMail = (contents: MailboxContents): void => {
  expect(contents.threads).toEqual(expected.threads);
  expect(contents.drafts).toEqual(expected.drafts);
  expect(contents.warnings).toEqual(expected.warnings);
};

describe('the demo mbox itself', () => {
  it('counts every message read and those about the interviews', () => {
    const inThreads = expected.threads.reduce((n, t) => n + t.messages.length, 0);
    expect(inThreads).toBeGreaterThan(5);
    expect(expected.stats).toEqual({ messagesRead: DEMO_MESSAGES, messagesMatched: inThreads + expected.drafts.length, sources: [DEMO_MBOX] });
  });

  it('gives the same mail parsed in a worker thread as in the main thread', async () => {
    expect(await read(DEMO_MBOX, { workerThresholdBytes: 0 })).toEqual(expected);
  });

  it('is read, not refused, when none of it is about the interviews: the counts say so', async () => {
    const elsewhere: MailboxQuery = { addresses: ['pat@initrode.example'], domains: ['initrode.example'], companies: ['Initrode'], since: new Date(0) };
    const contents = await mailboxFor(DEMO_MBOX).read(elsewhere);
    expect(contents).toEqual({ threads: [], drafts: [], warnings: [], stats: { messagesRead: DEMO_MESSAGES, messagesMatched: 0, sources: [DEMO_MBOX] } });
  });
});

describe('what Google Takeout gives', () => {
  it('reads the takeout-….zip in place, deflated or stored, and names the entry it read', async () => {
    const dir = tempDir('takeout-zip');
    for (const method of ['deflate', 'store'] as const) {
      const zip = join(dir, `takeout-20261124T090000Z-001-${method}.zip`);
      const files = takeoutTree();
      writeFileSync(zip, zipBytes([
        { name: 'Takeout/', data: Buffer.alloc(0), method: 'store' },
        { name: 'Takeout/archive_browser.html', data: Buffer.from(files['Takeout/archive_browser.html']!) },
        { name: '__MACOSX/Takeout/Mail/._All mail Including Spam and Trash.mbox', data: Buffer.from([0, 5, 22, 7, 0, 2]) },
        { name: TAKEOUT_MBOX, data: demoMbox(), method },
      ]));
      const named: string[] = [];
      const contents = await read(zip, { onSource: (s) => named.push(s) });
      sameMail(contents);
      expect(contents.stats).toEqual({ ...expected.stats, sources: [`${zip}:${TAKEOUT_MBOX}`] });
      expect(named).toEqual([`${zip}:${TAKEOUT_MBOX}`]);
    }
  });

  it('reads the .tgz as it streams, through the same mbox reader', async () => {
    const tgz = await tgzOf(takeoutTree(), join(tempDir('takeout-tgz'), 'takeout-20261124T090000Z-001.tgz'));
    const named: string[] = [];
    const contents = await read(tgz, { onSource: (s) => named.push(s) });
    sameMail(contents);
    expect(contents.stats?.sources).toEqual([`${tgz}:${TAKEOUT_MBOX}`]);
    expect(named).toEqual([`${tgz}:${TAKEOUT_MBOX}`]);
  });

  it('finds the .mbox under the unzipped export folder, from its top or from Takeout/Mail/', async () => {
    const root = writeTree(tempDir('takeout-folder'), takeoutTree());
    for (const path of [root, join(root, 'Takeout'), join(root, 'Takeout/Mail')]) {
      const named: string[] = [];
      const contents = await read(path, { onSource: (s) => named.push(s) });
      sameMail(contents);
      expect(contents.stats?.sources).toEqual([join(root, TAKEOUT_MBOX)]);
      expect(named).toEqual([join(root, TAKEOUT_MBOX)]);
    }
  });

  it('reads every .mbox in a folder (one per label), a message in two of them once', async () => {
    const messages = readFileSync(DEMO_MBOX, 'latin1').split(/\n(?=From )/);
    const sent = messages.filter((m) => /^X-Gmail-Labels: Sent/m.test(m));
    const root = writeTree(tempDir('labels'), {
      'Mail/Sent.mbox': Buffer.from(`${sent.join('\n')}\n`, 'latin1'),
      'Mail/All mail.mbox': demoMbox(),
    });
    const contents = await read(root);
    sameMail(contents);
    expect(contents.stats?.sources).toEqual([join(root, 'Mail/All mail.mbox'), join(root, 'Mail/Sent.mbox')]);
    expect(contents.stats?.messagesRead).toBe(DEMO_MESSAGES + sent.length);
  });

  it('counts the progress of a zip against the mail it holds', async () => {
    const zip = join(tempDir('zip-progress'), 'takeout.zip');
    writeFileSync(zip, zipOf(takeoutTree()));
    const seen: ReadProgress[] = [];
    await mailboxFor(zip).read(query, { onProgress: (p) => seen.push(p) });
    const size = statSync(DEMO_MBOX).size;
    expect(seen.at(-1)).toEqual({ bytesRead: size, bytesTotal: size, messagesMatched: expected.stats?.messagesMatched });
  });
});

describe('.eml files', () => {
  it('reads a folder of .eml files at any depth, skipping hidden ones', async () => {
    const root = writeTree(tempDir('eml-tree'), { ...emlTree(), '.trash/old.eml': 'not: a message that matters\n', 'threads/.hidden.eml': 'X: y\n' });
    const contents = await read(root);
    expect(contents.threads).toEqual(expected.threads);
    expect(contents.warnings).toEqual([]);
    expect(contents.stats?.messagesRead).toBe(DEMO_MESSAGES);
    expect(contents.stats?.sources.every((s) => s.startsWith(join(root, 'threads')) && s.endsWith('.eml'))).toBe(true);
  });

  it('reads the .eml files inside a zip and a .tgz', async () => {
    const dir = tempDir('eml-archives');
    const zip = join(dir, 'mail.zip');
    writeFileSync(zip, zipOf(emlTree()));
    const tgz = await tgzOf(emlTree(), join(dir, 'mail.tgz'));
    for (const archive of [zip, tgz]) {
      const named: string[] = [];
      const contents = await read(archive, { onSource: (s) => named.push(s) });
      expect(contents.threads).toEqual(expected.threads);
      expect(contents.stats?.messagesRead).toBe(DEMO_MESSAGES);
      expect(named).toEqual([`the .eml files in ${archive}`]);
    }
  });

  it('takes one .eml file as one message, without a warning', async () => {
    const { eml } = demoMessages().find((m) => /^Subject: Re: Thank you for the Data Engineer interview/m.test(m.eml))!;
    const file = join(tempDir('one-eml'), 'reply.eml');
    writeFileSync(file, eml);
    const contents = await read(file);
    expect(contents.warnings).toEqual([]);
    expect(contents.stats).toEqual({ messagesRead: 1, messagesMatched: 1, sources: [file] });
    expect(contents.threads.map((t) => t.messages.map((m) => m.messageId))).toEqual([['<re-tom@initech.example>']]);
  });

});

describe('inputs that cannot be what the user meant: one line, InputError (exit 7)', () => {
  const dir = tempDir('bad-inputs');
  const file = (name: string, data: Buffer | string): string => {
    writeFileSync(join(dir, name), data);
    return join(dir, name);
  };
  const folder = (name: string, files: Record<string, Buffer | string>): string => {
    mkdirSync(join(dir, name), { recursive: true });
    return writeTree(join(dir, name), files);
  };
  const refuses = async (path: string, message: string): Promise<void> => {
    const error = await read(path).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(message);
  };
  const mbox = 'pass the .mbox file from your Takeout export';

  it('a path that does not exist', async () => {
    await refuses(join(dir, 'nothing-here'), `${join(dir, 'nothing-here')} does not exist; ${mbox}, the Takeout archive or folder, or a folder of .eml files.`);
  });

  it('an empty file, an empty folder, a folder with only hidden files', async () => {
    await refuses(file('empty.mbox', ''), `${join(dir, 'empty.mbox')} is empty (0 bytes); ${mbox}.`);
    await refuses(folder('empty', {}), `${join(dir, 'empty')} is an empty folder; ${mbox}, or a folder of .eml files.`);
    const hidden = folder('hidden', { '.DS_Store': 'x', '.mail/a.mbox': demoMbox() });
    await refuses(hidden, `${hidden} is an empty folder; ${mbox}, or a folder of .eml files.`);
  });

  it('a folder with no mail in it, or only an archive', async () => {
    const docs = folder('docs', { 'a/report.pdf': PDF_START, 'notes.txt': 'hello\n' });
    await refuses(docs, `No .mbox or .eml file under ${docs} (only 2 files: a/report.pdf, notes.txt); ${mbox}, or a folder of .eml files.`);
    const downloads = folder('downloads', { 'takeout-001.zip': zipOf(takeoutTree()) });
    await refuses(downloads, `No .mbox or .eml file under ${downloads}, only the archive ${join(downloads, 'takeout-001.zip')}: pass the archive itself.`);
    writeFileSync(join(downloads, 'takeout-002.zip'), zipOf({ 'Takeout/Drive/cv.pdf': PDF_START }));
    await refuses(downloads, `No .mbox or .eml file under ${downloads}, only archives (2 files: takeout-001.zip, takeout-002.zip): pass the one that holds your Mail export.`);
  });

  it('a file that is not mail: a PDF, random bytes named takeout.zip', async () => {
    await refuses(file('cv.pdf', PDF_START), `${join(dir, 'cv.pdf')} does not start like an mbox (first bytes "%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3\\n1"); ${mbox}.`);
    const random = Buffer.from('d7a0f3191c5e00ff8b2e11aa42c0de77', 'hex');
    await refuses(
      file('takeout.zip', Buffer.concat([random, random])),
      `${join(dir, 'takeout.zip')} is named like an archive but is neither a zip nor a tar archive, nor an mbox (first bytes "\\xd7\\xa0\\xf3\\x19\\x1c^\\x00\\xff\\x8b.\\x11\\xaaB\\xc0\\xdew"); download it again, or ${mbox}.`,
    );
  });

  it('a broken zip (cut short, lying about its size, garbled), a broken .tgz, a gzip that holds no tar', async () => {
    const whole = zipOf(takeoutTree());
    const zip = file('cut.zip', whole.subarray(0, whole.length - 30));
    await expect(read(zip)).rejects.toThrow(`${zip} looks like a zip archive but cannot be read (End of central directory record signature not found`);
    const lying = file('lying.zip', zipBytes([{ name: TAKEOUT_MBOX, data: demoMbox(), statedSize: 100 }]));
    await expect(read(lying)).rejects.toThrow(`${lying}:${TAKEOUT_MBOX} looks like a zip archive but cannot be read (${demoMbox().length} bytes where the archive says 100)`);
    const garbled = zipBytes([{ name: TAKEOUT_MBOX, data: demoMbox() }]);
    garbled.fill(0xff, 30 + TAKEOUT_MBOX.length + 40, 30 + TAKEOUT_MBOX.length + 80);
    await expect(read(file('garbled.zip', garbled))).rejects.toThrow(`${join(dir, 'garbled.zip')}:${TAKEOUT_MBOX} looks like a zip archive but cannot be read (`);
    const tgz = await tgzOf(takeoutTree(), join(dir, 'whole.tgz'));
    const cut = file('cut.tgz', readFileSync(tgz).subarray(0, 1200));
    await expect(read(cut)).rejects.toThrow(`${cut} looks like a tar archive but cannot be read (unexpected end of file); download it again`);
    const { gzipSync } = await import('node:zlib');
    const gz = file('mail.tgz', gzipSync(PDF_START));
    await expect(read(gz)).rejects.toThrow(`${gz} looks like a tar archive but cannot be read`);
  });

  it('an archive with no .mbox or .eml inside, an empty archive', async () => {
    const drive = file('drive.zip', zipOf({ 'Takeout/archive_browser.html': '<html></html>', 'Takeout/Drive/cv.pdf': PDF_START }));
    await refuses(drive, `${drive} holds no .mbox or .eml file (only 2 files: Takeout/archive_browser.html, Takeout/Drive/cv.pdf); ${mbox}, or the archive of a Takeout export that includes Mail.`);
    const tgz = await tgzOf({ 'Takeout/archive_browser.html': '<html></html>' }, join(dir, 'drive.tgz'));
    await refuses(tgz, `${tgz} holds no .mbox or .eml file (only 1 file: Takeout/archive_browser.html); ${mbox}, or the archive of a Takeout export that includes Mail.`);
    await refuses(file('nothing.zip', zipBytes([])), `${join(dir, 'nothing.zip')} is an empty archive; ${mbox}.`);
    const photos = file('photos.zip', zipOf(Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((n) => [`Takeout/Photos/${n}.jpg`, n]))));
    await expect(read(photos)).rejects.toThrow(`(only 5 files: Takeout/Photos/a.jpg, Takeout/Photos/b.jpg, Takeout/Photos/c.jpg, …)`);
  });

  it('an archive whose .mbox is empty, or is not an mbox', async () => {
    const empty = file('empty-mbox.zip', zipOf({ [TAKEOUT_MBOX]: '' }));
    await refuses(empty, `${empty} holds no messages (read: ${empty}:${TAKEOUT_MBOX}); ${mbox}.`);
    const pdf = file('pdf-mbox.zip', zipOf({ [TAKEOUT_MBOX]: PDF_START }));
    await refuses(pdf, `${pdf}:${TAKEOUT_MBOX} does not start like an mbox (first bytes "%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3\\n1"); ${mbox}.`);
  });
});
