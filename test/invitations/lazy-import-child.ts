// Run by lazy-import.test.ts in a fresh process: which modules does reading a message load?
// (ical.js and node-ical are the parsers; the message-level modules must load neither.)
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { join } from 'node:path';

const loaded: string[] = [];
registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    loaded.push(resolved.url);
    return resolved;
  },
});
const nodeIcalLoaded = (): boolean => loaded.some((url) => url.includes('/node_modules/node-ical/'));
const icalJsLoaded = (): boolean => loaded.some((url) => url.includes('/node_modules/ical.js/'));

const { simpleParser } = await import('mailparser');
const { calendarTextsFromMailparser } = await import('../../src/invitations/mailparser-calendar-parts.ts');
const { calendarPartsOfGmailPayload } = await import('../../src/invitations/gmail-calendar-parts.ts');
const { invitationsOf } = await import('../../src/invitations/message-invitations.ts');
const { fixture, invitationMessage } = await import('./both-adapters.ts');
const { gmailPayload } = await import('../helpers/gmail-server-mime.ts');

const plain = readFileSync(join(import.meta.dirname, '../../fixtures/eml/quoted-printable.eml'));
const texts = calendarTextsFromMailparser(await simpleParser(plain));
const gmail = calendarPartsOfGmailPayload(gmailPayload(plain));
const none = await invitationsOf(texts, await invitationMessage(plain, 'plain'), 'plain');
const withoutCalendar = nodeIcalLoaded();
const icalJsWithoutCalendar = icalJsLoaded();

const invite = fixture('outlook-invite.eml');
const some = await invitationsOf(calendarTextsFromMailparser(await simpleParser(invite)), await invitationMessage(invite, 'invite'), 'invite');
process.stdout.write(JSON.stringify({
  calendarParts: texts.length + gmail.texts.length + gmail.attachments.length,
  invitationsWithout: none.invitations.length,
  nodeIcalWithoutCalendar: withoutCalendar,
  invitationsWith: some.invitations.length,
  nodeIcalWithCalendar: nodeIcalLoaded(),
  icalJsWithoutCalendar,
  icalJsWithCalendar: icalJsLoaded(),
}));
