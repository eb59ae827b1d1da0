// Real inputs made from the demo mbox, the way Google Takeout and mail clients make them: a zip
// (written here: yauzl only reads), a .tgz (node-tar), the unzipped Takeout folder, a tree of
// .eml files. Also the inputs a user passes by mistake.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { c as tarCreate } from 'tar';
import { DEMO_MBOX } from './cli.ts';

export const TAKEOUT_MBOX = 'Takeout/Mail/All mail Including Spam and Trash.mbox';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** deflate (the default) or store, as zip writers do for data that does not shrink. */
  method?: 'deflate' | 'store';
  /** The uncompressed size the headers state, when it is to be a lie (a damaged or hostile zip). */
  statedSize?: number;
}

/** A zip archive (APPNOTE.TXT §4.3): local headers and data, the central directory, its end record. */
export function zipBytes(entries: readonly ZipEntry[], modified = new Date(2026, 10, 24, 8, 0, 0)): Buffer {
  const dosTime = (modified.getHours() << 11) | (modified.getMinutes() << 5) | (modified.getSeconds() >> 1);
  const dosDate = ((modified.getFullYear() - 1980) << 9) | ((modified.getMonth() + 1) << 5) | modified.getDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method = 'deflate', statedSize } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const body = method === 'deflate' ? deflateRawSync(data) : data;
    const fields = { method: method === 'deflate' ? 8 : 0, crc: crc32(data), compressed: body.length, size: statedSize ?? data.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(fields.method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.compressed, 18);
    local.writeUInt32LE(fields.size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by: Unix, 3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(fields.method, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(fields.crc, 16);
    central.writeUInt32LE(fields.compressed, 20);
    central.writeUInt32LE(fields.size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE((name.endsWith('/') ? 0o40755 : 0o100644) * 0x10000, 38); // Unix mode
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, body);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `${prefix}-`));
}

/** Writes files (path → contents) under root, making folders as needed. */
export function writeTree(root: string, files: Record<string, Buffer | string>): string {
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), data);
  }
  return root;
}

export const demoMbox = (): Buffer => readFileSync(DEMO_MBOX);

/** What an unzipped Takeout export of Mail holds, with the debris a Mac adds when copying it. */
export function takeoutTree(): Record<string, Buffer | string> {
  return {
    [TAKEOUT_MBOX]: demoMbox(),
    'Takeout/archive_browser.html': '<!DOCTYPE html><html><body>Takeout</body></html>\n',
    'Takeout/Mail/User Settings/Filters.xml': '<?xml version="1.0"?><feed/>\n',
    // AppleDouble resource fork and Finder metadata: not mail, must be left alone.
    'Takeout/Mail/._All mail Including Spam and Trash.mbox': Buffer.concat([Buffer.from([0, 5, 22, 7]), randomBytes(200)]),
    '.DS_Store': randomBytes(64),
  };
}

/** The demo mbox as one .eml file per message, From_ line removed and mboxrd quoting undone. */
export function demoMessages(): { threadId: string; eml: string }[] {
  const text = demoMbox().toString('latin1');
  return text
    .split(/\r?\n(?=From )/)
    .map((chunk) => {
      // The blank line before the next From_ line belongs to the mbox, not to the message.
      const withoutFromLine = chunk.slice(chunk.indexOf('\n') + 1).replace(/(\r?\n)+$/, (eol) => (eol.startsWith('\r') ? '\r\n' : '\n'));
      const eml = withoutFromLine.replace(/^>(>*From )/gm, '$1');
      const threadId = /^X-GM-THRID: *(\S+)/m.exec(eml)?.[1] ?? 'none';
      return { threadId, eml };
    });
}

/** The demo messages as a tree of .eml files, a folder per thread, some a level deeper. */
export function emlTree(): Record<string, string> {
  const files: Record<string, string> = {};
  demoMessages().forEach(({ threadId, eml }, i) => {
    const folder = i % 2 === 0 ? `threads/${threadId}` : `threads/${threadId}/replies`;
    files[`${folder}/message-${String(i).padStart(2, '0')}.eml`] = eml;
  });
  return files;
}

/** A Takeout .tgz of the tree, made by node-tar as `tar czf` would. */
export async function tgzOf(files: Record<string, Buffer | string>, archive: string): Promise<string> {
  const root = writeTree(tempDir('tgz-src'), files);
  const top = [...new Set(Object.keys(files).map((p) => p.split('/')[0]!))].sort();
  await tarCreate({ gzip: true, file: archive, cwd: root, portable: true }, top);
  return archive;
}

/** A zip of the tree, folders' entries included as Takeout's zips have them. */
export function zipOf(files: Record<string, Buffer | string>): Buffer {
  const folders = new Set<string>();
  for (const path of Object.keys(files)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(`${parts.slice(0, i).join('/')}/`);
  }
  return zipBytes([
    ...[...folders].sort().map((name) => ({ name, data: Buffer.alloc(0), method: 'store' as const })),
    ...Object.entries(files).map(([name, data]) => ({ name, data: Buffer.from(data) })),
  ]);
}

/** The start of a real PDF file (PDF 1.7, ISO 32000-1 §7.5.2: "%PDF-1.7" then a binary comment). */
export const PDF_START = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]);
