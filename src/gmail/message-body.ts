import type { gmail_v1 } from '@googleapis/gmail';
import { convert } from 'html-to-text';
import { parseHeaderValue } from 'nodemailer/lib/mime-funcs';

type Part = gmail_v1.Schema$MessagePart;

const MAX_DEPTH = 20;
const MAX_HTML_CHARS = 2_000_000;

function header(part: Part, name: string): string | undefined {
  const found = part.headers?.find((h) => h.name?.toLowerCase() === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

function isAttachment(part: Part): boolean {
  if (typeof part.filename === 'string' && part.filename !== '') return true;
  return /^\s*attachment\b/i.test(header(part, 'content-disposition') ?? '');
}

// Gmail hands body.data over with the transfer encoding removed but the charset unchanged.
function decodeBody(part: Part): string {
  const data = part.body?.data;
  if (typeof data !== 'string' || data === '') return '';
  const bytes = Buffer.from(data, 'base64url');
  const charset = parseHeaderValue(header(part, 'content-type') ?? '').params.charset ?? 'utf-8';
  try {
    return new TextDecoder(charset.slice(0, 40)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function collect(part: Part, depth: number, out: { plain: string[]; html: string[] }): void {
  if (depth > MAX_DEPTH) return;
  const mime = (part.mimeType ?? '').toLowerCase();
  if (mime.startsWith('multipart/')) {
    for (const child of part.parts ?? []) collect(child, depth + 1, out);
    return;
  }
  // A forwarded message/rfc822 part is another message, and attachments are not the text.
  if (mime === 'message/rfc822' || isAttachment(part)) return;
  if (mime === 'text/plain' || mime === '') out.plain.push(decodeBody(part));
  else if (mime === 'text/html') out.html.push(decodeBody(part));
}

export function htmlToText(html: string): string {
  return convert(html.slice(0, MAX_HTML_CHARS), {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
}

/** The message's text (LF line endings): its text/plain parts, else its HTML converted to text. */
export function bodyText(payload: Part | undefined): string {
  if (payload === undefined) return '';
  const out = { plain: [] as string[], html: [] as string[] };
  collect(payload, 0, out);
  const plain = out.plain.filter((t) => t !== '');
  const text = plain.length > 0 ? plain.join('\n') : out.html.map(htmlToText).filter((t) => t !== '').join('\n');
  return text.replace(/\r\n?/g, '\n');
}
