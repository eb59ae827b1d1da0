// Seeded random evolutions of a job-search mailbox on the local Gmail server, for the sync's
// differential test: replies, new threads, my own messages, applicant-tracking mail, noise, old
// mail, calendar invitations (inline and .ics attachments, updates, cancellations), the user's
// drafts (made, edited, deleted, sent — the tool's too), label changes, deleted messages, history
// expiry, and interviews added to or removed from the config. Every message is real RFC 5322 text.
import type { GmailServer, StoredMessage } from '../helpers/gmail-server.ts';

export const ME = { name: 'Sam Seeker', email: 'sam@example.com' };

export { seededRandom as prng } from '../helpers/seeded-random.ts';

interface Person {
  name: string;
  email: string;
}

export interface Company {
  id: string;
  name: string;
  domain: string;
  people: Person[];
  start: string;
  /** In the config (else only an invitation may bring it in). */
  configured: boolean;
}

export function companies(): Company[] {
  return [
    { id: 'acme', name: 'Acme', domain: 'acme.example', people: [{ name: 'Jane Smith', email: 'jane@acme.example' }, { name: 'Omar Haddad', email: 'omar@acme.example' }], start: '2026-11-18T15:00:00Z', configured: true },
    { id: 'globex', name: 'Globex', domain: 'globex.example', people: [{ name: 'Priya Nair', email: 'priya@globex.example' }], start: '2026-11-12T15:00:00Z', configured: true },
    { id: 'initech', name: 'Initech Data', domain: 'initech.example', people: [{ name: 'Tom Baker', email: 'tom@mail.initech.example' }], start: '2026-11-19T19:00:00Z', configured: true },
    { id: 'umbrella', name: 'Umbrella', domain: 'umbrella.example', people: [{ name: 'Ada Wong', email: 'ada@umbrella.example' }], start: '2026-11-16T14:00:00Z', configured: false },
    { id: 'hooli', name: 'Hooli', domain: 'hooli.example', people: [{ name: 'Dana Kim', email: 'dana@hooli.example' }], start: '2026-11-23T16:00:00Z', configured: false },
  ];
}

/** The config the run reads, as JSONC text. */
export function configText(list: readonly Company[]): string {
  const interviews = list.filter((c) => c.configured).map((c) => ({
    id: `${c.id}-interview`,
    company: c.name,
    role: 'Engineer',
    start: c.start,
    interviewers: c.people.map((p) => ({ name: p.name, email: p.email, topics: ['systems'] })),
    domains: [c.domain],
  }));
  return JSON.stringify({ me: { name: ME.name, emails: [ME.email] }, timezone: 'America/New_York', interviews }, null, 2);
}

function rfcDate(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

export interface Mail {
  from: string;
  to: string;
  subject: string;
  date: Date;
  text: string;
  messageId: string;
  parent?: StoredMessage;
  extra?: string[];
  html?: boolean;
}

export function rfc822(mail: Mail): string {
  const refs = mail.parent?.messageId ? [`In-Reply-To: ${mail.parent.messageId}`, `References: ${mail.parent.messageId}`] : [];
  const body = mail.html ? `<html><body><p>${mail.text.replace(/\n/g, '<br>')}</p></body></html>` : mail.text;
  return [
    `Message-ID: <${mail.messageId}>`,
    `Date: ${rfcDate(mail.date)}`,
    `From: ${mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    ...refs,
    ...(mail.extra ?? []),
    'MIME-Version: 1.0',
    `Content-Type: ${mail.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
    '',
    body,
    '',
  ].join('\r\n');
}

function icsStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface InviteSpec {
  company: Company;
  uid: string;
  sequence: number;
  start: Date;
  cancel: boolean;
  attachment: boolean;
  sent: Date;
  messageId: string;
  /** Who is invited (default: ME). */
  me?: Person;
}

function calendar(spec: InviteSpec): string {
  const end = new Date(spec.start.getTime() + 3_600_000);
  const organizer = spec.company.people[0]!;
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//interview-followup tests//sync//EN', `METHOD:${spec.cancel ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT', `UID:${spec.uid}`, `SEQUENCE:${spec.sequence}`, `DTSTAMP:${icsStamp(spec.sent)}`,
    `DTSTART:${icsStamp(spec.start)}`, `DTEND:${icsStamp(end)}`, `SUMMARY:Interview with ${spec.company.name}`,
    ...(spec.cancel ? ['STATUS:CANCELLED'] : ['STATUS:CONFIRMED']),
    `ORGANIZER;CN=${organizer.name}:mailto:${organizer.email}`,
    `ATTENDEE;CN=${(spec.me ?? ME).name};PARTSTAT=NEEDS-ACTION:mailto:${(spec.me ?? ME).email}`,
    ...spec.company.people.map((p) => `ATTENDEE;CN=${p.name};PARTSTAT=ACCEPTED:mailto:${p.email}`),
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}

/** A calendar invitation as Google Calendar or Outlook sends it: text/calendar inline, or only an
 *  invite.ics attachment. */
export function invitation(spec: InviteSpec): string {
  const organizer = spec.company.people[0]!;
  const ics = calendar(spec);
  const boundary = `b-${spec.uid}-${spec.sequence}`;
  const part = spec.attachment
    ? ['Content-Type: application/ics; name="invite.ics"', 'Content-Disposition: attachment; filename="invite.ics"', 'Content-Transfer-Encoding: base64', '', Buffer.from(ics).toString('base64').replace(/.{76}/g, '$&\r\n')]
    : [`Content-Type: text/calendar; charset=UTF-8; method=${spec.cancel ? 'CANCEL' : 'REQUEST'}`, '', ics];
  return [
    `Message-ID: <${spec.messageId}>`,
    `Date: ${rfcDate(spec.sent)}`,
    `From: ${organizer.name} <${organizer.email}>`,
    `To: ${(spec.me ?? ME).email}`,
    `Subject: ${spec.cancel ? 'Canceled event' : spec.sequence > 0 ? 'Updated invitation' : 'Invitation'}: Interview with ${spec.company.name}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `You have been invited to an interview with ${spec.company.name}.`,
    `--${boundary}`,
    ...part,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

const REPLIES = [
  'Thanks for your time yesterday. We will be in touch by Friday.',
  'Unfortunately we have decided not to move forward with your application.',
  'We would like to invite you to the next round of interviews.',
  'Quick question: could you send us your references?',
  'Just confirming we received your note.',
];

export function replyText(random: () => number): string {
  return REPLIES[Math.floor(random() * REPLIES.length)]!;
}

/** Mail long enough that the engine reads only its start (20,000 characters). */
export function longText(company: string, random: () => number): string {
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(400);
  return random() < 0.5 ? `${filler}\nThank you for interviewing with ${company}.` : `Thank you for interviewing with ${company}.\n${filler}`;
}

export function visibleMessages(server: GmailServer, filter: (m: StoredMessage) => boolean = () => true): StoredMessage[] {
  return [...server.store.messages.values()].filter((m) => !m.labelIds.includes('DRAFT') && filter(m));
}
