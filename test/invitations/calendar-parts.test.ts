import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { calendarPartsOfGmailPayload } from '../../src/invitations/gmail-calendar-parts.ts';
import { calendarTextsFromMailparser } from '../../src/invitations/mailparser-calendar-parts.ts';
import { gmailPayload } from '../helpers/gmail-server-mime.ts';
import { calendarTextsViaGmail } from './both-adapters.ts';

// Messages written here line by line (real MIME, parsed by mailparser and by the Gmail payload
// builder) for the part shapes the fixtures do not cover.

function message(parts: string[][]): Buffer {
  const lines = ['From: Rita Recruiter <rita@acme-corp.com>', 'To: alex.doe@example.com', 'Subject: Parts',
    'Date: Mon, 09 Nov 2026 14:15:03 +0000', 'Message-ID: <parts@acme-corp.com>', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"', ''];
  for (const part of parts) lines.push('--b', ...part);
  lines.push('--b--', '');
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

const ICS = (summary: string): string[] => ['BEGIN:VCALENDAR', 'METHOD:PUBLISH', 'BEGIN:VEVENT', 'UID:p@acme-corp.com',
  'DTSTART:20261118T150000Z', `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''];

async function bothWays(raw: Buffer): Promise<{ mbox: string[]; gmail: string[] }> {
  return { mbox: calendarTextsFromMailparser(await simpleParser(raw)), gmail: calendarTextsViaGmail(raw) };
}

describe('the calendar parts of a message', () => {
  it('decodes the charset the part names (windows-1252, quoted-printable), inline and attached', async () => {
    const raw = message([
      ['Content-Type: text/calendar; charset=windows-1252; method=PUBLISH', 'Content-Transfer-Encoding: quoted-printable', '', ...ICS('Caf=E9 =96 Entrevue')],
      ['Content-Type: application/ics; charset="iso-8859-1"; name="x.ics"', 'Content-Disposition: attachment; filename="x.ics"', '', ...ICS('Gr\u00fc\u00dfe')],
    ]);
    const { mbox, gmail } = await bothWays(raw);
    expect(mbox.map((text) => /SUMMARY:(.*)/.exec(text)?.[1])).toEqual(['Café – Entrevue', 'Grüße']);
    expect(gmail).toEqual(mbox);
  });

  it('takes an .ics file whatever its type, skips other attachments, reads UTF-8 for an unknown charset; inline parts first', async () => {
    const raw = message([
      ['Content-Type: text/plain; charset=utf-8', '', 'See the invite.', ''],
      ['Content-Type: application/octet-stream; name="interview.ICS"', 'Content-Disposition: attachment; filename="interview.ICS"',
        'Content-Transfer-Encoding: base64', '', Buffer.from(ICS('Octet \u2013 stream').join('\r\n')).toString('base64')],
      ['Content-Type: text/calendar; charset=x-klingon', 'Content-Transfer-Encoding: 8bit', '', ...ICS('\u00e9t\u00e9').map((l) => Buffer.from(l, 'utf8').toString('latin1'))],
      ['Content-Type: application/pdf; name="cv.pdf"', 'Content-Disposition: attachment; filename="cv.pdf"', '', '%PDF-1.4', ''],
    ]);
    const { mbox, gmail } = await bothWays(raw);
    expect(mbox.map((text) => /SUMMARY:(.*)/.exec(text)?.[1])).toEqual(['été', 'Octet – stream']);
    expect(gmail).toEqual(mbox);
  });

  it('does not open a forwarded message (message/rfc822), in either adapter', async () => {
    const raw = message([
      ['Content-Type: text/plain', '', 'Forwarding the invite I got.', ''],
      ['Content-Type: message/rfc822', '', 'From: x@globex.com', 'Subject: inner', 'Content-Type: text/calendar; method=REQUEST', '', ...ICS('Inner')],
    ]);
    const { mbox, gmail } = await bothWays(raw);
    expect(mbox).toEqual([]);
    expect(gmail).toEqual([]);
  });

  it('a single-part text/calendar message is its own calendar part', async () => {
    const raw = Buffer.from(['From: priya.nair@globex.com', 'To: alex.doe@example.com', 'Subject: Meeting', 'MIME-Version: 1.0',
      'Content-Type: text/calendar; charset=utf-8; method=PUBLISH', '', ...ICS('Solo')].join('\r\n'));
    const { mbox, gmail } = await bothWays(raw);
    expect(mbox).toHaveLength(1);
    expect(gmail).toEqual(mbox);
    expect(calendarPartsOfGmailPayload(gmailPayload(raw)).attachments).toEqual([]);
  });

  it('tells the caller the charset of an attachment it must fetch', () => {
    const raw = message([['Content-Type: text/calendar; charset=windows-1252; name="invite.ics"', 'Content-Disposition: attachment; filename="invite.ics"', '', ...ICS('x')]]);
    expect(calendarPartsOfGmailPayload(gmailPayload(raw))).toEqual({
      texts: [],
      attachments: [{ attachmentId: 'att-0', partId: '0', filename: 'invite.ics', size: expect.any(Number), charset: 'windows-1252' }],
    });
  });
});
