// The mailbox of a job search with nothing typed in: the real invitation fixtures and one thank-you,
// as a Takeout-style mbox (for --mbox) or loaded into the local Gmail-compatible server.
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './cli.ts';
import type { GmailServer } from './gmail-server.ts';

const INVITATIONS = join(ROOT, 'fixtures/invitations');
const MAIL = join(ROOT, 'fixtures/discovery');
// A next step Acme asked for after its interview: mail of its own, not part of this scenario.
const LEFT_OUT = new Set(['all-day-event.eml']);

export interface ScenarioMessage {
  name: string;
  raw: Buffer;
  mine: boolean;
}

export function discoveryMessages(): ScenarioMessage[] {
  const invitations = readdirSync(INVITATIONS).filter((f) => f.endsWith('.eml') && !LEFT_OUT.has(f)).sort();
  return [
    ...invitations.map((name) => ({ name, raw: readFileSync(join(INVITATIONS, name)), mine: false })),
    ...readdirSync(MAIL).filter((f) => f.endsWith('.eml')).map((name) => ({ name, raw: readFileSync(join(MAIL, name)), mine: true })),
  ];
}

function dateOf(raw: Buffer): Date {
  const value = /^Date:\s*(.+)$/im.exec(raw.toString('latin1'))?.[1]?.trim() ?? '';
  return new Date(Date.parse(value.replace(/\s*\(.*\)\s*$/, '')));
}

/** mboxrd, as Takeout writes it: a From_ line per message, body lines beginning ">*From " quoted. */
export async function writeDiscoveryMbox(path: string): Promise<void> {
  const parts = discoveryMessages().map(({ raw, mine }, n) => {
    const date = dateOf(raw);
    const labels = mine ? 'Sent' : 'Inbox';
    const body = raw.toString('latin1').replace(/^(>*From )/gm, '>$1');
    return `From ${1860000000000000000n + BigInt(n)}@xxx ${date.toUTCString()}\r\nX-Gmail-Labels: ${labels}\r\n${body}\r\n`;
  });
  await writeFile(path, Buffer.from(parts.join(''), 'latin1'));
}

export async function loadDiscoveryMailbox(server: GmailServer): Promise<void> {
  for (const { raw, mine } of discoveryMessages()) await server.addMessage(raw, { labels: mine ? ['SENT'] : ['INBOX'], internalDate: dateOf(raw) });
}

export const DISCOVERY_CONFIG = `// Only me and my time zone: the interviews are found in the mail.
{
  "me": { "name": "Alex Doe", "emails": ["alex.doe@example.com"] },
  "timezone": "America/New_York",
}
`;
