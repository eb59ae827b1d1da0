import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATS_DOMAINS, isAtsAddress } from '../../src/core/ats-domains.ts';
import type { MailboxQuery } from '../../src/mailbox/port.ts';
import { compileQuery, screenHeaders } from '../../src/mailbox/query-match.ts';

const QUERY: MailboxQuery = {
  addresses: ['Jane@Gmail.com', 'omar@acme.com'],
  domains: ['globex.com'],
  companies: ['Acme', 'C++ Shop'],
  since: new Date('2026-09-01T00:00:00Z'),
};
const compiled = compileQuery(QUERY);

/** A header block as it comes out of an mbox: From_ line, headers, blank line, then a body. */
const message = (...headers: string[]): Buffer =>
  Buffer.from(`From 1849876543210987654@xxx Wed Nov 18 21:42:10 +0000 2026\r\n${headers.join('\r\n')}\r\n\r\nTo: omar@acme.com\r\n`);

describe('screenHeaders', () => {
  it.each([
    ['an address in From', ['From: Jane <jane@gmail.com>'], 'hit'],
    ['an address in To, any case', ['TO: "Jane" <JANE@GMAIL.COM>'], 'hit'],
    ['an address in Cc among others', ['cc: a@b.example, Omar <omar@acme.com>'], 'hit'],
    ['an address in Reply-To', ['Reply-To: omar@acme.com'], 'hit'],
    ['an address in Sender', ['Sender: omar@acme.com'], 'hit'],
    ['an address on a folded line', ['To: Someone <s@x.example>,\r\n\tOmar Haddad\r\n <omar@acme.com>'], 'hit'],
    ['a space before the colon', ['To : omar@acme.com'], 'hit'],
    ['another address at an address domain', ['From: other@acme.com'], 'miss'],
    ['another address at gmail', ['From: bob@gmail.com'], 'miss'],
    ['a query domain', ['From: priya@globex.com'], 'hit'],
    ['a subdomain of a query domain', ['From: rita@talent.globex.com'], 'hit'],
    ['a domain that only ends the same', ['From: x@notglobex.com'], 'miss'],
    ['a parent of a query domain', ['From: x@com'], 'miss'],
    ['an address in a header that does not count', ['Delivered-To: omar@acme.com', 'Return-Path: <omar@acme.com>'], 'miss'],
    ['an address only in the body', ['From: x@y.example'], 'miss'],
    ['an address in a Received line', ['Received: from a by b\r\n        for <omar@acme.com>; Wed, 18 Nov 2026'], 'miss'],
    ['ATS mail naming the company in the header block', ['From: Acme Recruiting <no-reply@greenhouse.io>'], 'hit'],
    ['ATS mail from a subdomain, company in Subject', ['From: no-reply@us.greenhouse-mail.io', 'Subject: Your application to ACME'], 'hit'],
    ['ATS mail naming a company with symbols', ['From: jobs@lever.co', 'Subject: C++ Shop: next steps'], 'hit'],
    ['ATS mail naming no company (the body may)', ['From: no-reply@myworkday.com', 'Subject: Update'], 'ats'],
    ['ATS mail with the company only inside a word', ['From: no-reply@lever.co', 'Subject: Acmeology update'], 'ats'],
    ['ATS address in To, not From', ['From: x@y.example', 'To: no-reply@greenhouse.io'], 'miss'],
    ['a hit labelled Spam', ['X-Gmail-Labels: Inbox,Spam', 'From: omar@acme.com'], 'miss'],
    ['a hit labelled Trash', ['X-Gmail-Labels: Trash', 'From: omar@acme.com'], 'miss'],
    ['a hit labelled Chat', ['X-Gmail-Labels: Chat', 'From: omar@acme.com'], 'miss'],
    ['a hit labelled Sent', ['X-Gmail-Labels: Sent,Opened', 'To: omar@acme.com'], 'hit'],
    ['a hit dated before since', ['Date: Mon, 03 Mar 2025 10:00:00 +0000', 'From: omar@acme.com'], 'miss'],
    ['a hit dated after since', ['Date: Mon, 23 Nov 2026 10:00:00 +0000', 'From: omar@acme.com'], 'hit'],
    ['a hit with an unreadable date', ['Date: soon', 'From: omar@acme.com'], 'hit'],
  ])('%s → %s', (_, headers, verdict) => {
    expect(screenHeaders(message(...headers), compiled)).toBe(verdict);
  });

  it('works on a message without From_ line and without body', () => {
    expect(screenHeaders(Buffer.from('To: omar@acme.com\r\n'), compiled)).toBe('hit');
    expect(screenHeaders(Buffer.from('To: omar@acme.com\n\n'), compiled)).toBe('hit');
    expect(screenHeaders(Buffer.alloc(0), compiled)).toBe('miss');
  });

  it('ignores ATS mail when the query names no company', () => {
    const none = compileQuery({ ...QUERY, companies: [] });
    expect(screenHeaders(message('From: Acme <no-reply@greenhouse.io>'), none)).toBe('miss');
  });

  it('never throws on arbitrary bytes', () => {
    const piece = fc.oneof(
      fc.constantFrom('From:', 'To:', 'cc :', '@', 'acme.com', '\r\n', '\n', '\t', ' ', '<', 'omar', 'X-Gmail-Labels:', 'Date:'),
      fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString('latin1')),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        expect(['hit', 'ats', 'miss']).toContain(screenHeaders(Buffer.from(pieces.join(''), 'latin1'), compiled));
      }),
    );
  });
});

describe('ATS domains', () => {
  it.each([
    ['no-reply@greenhouse.io', true],
    ['x@us.greenhouse-mail.io', true],
    ['x@hire.lever.co', true],
    ['x@acme.wd5.myworkday.com', true],
    ['x@greenhouse.io.evil.example', false],
    ['x@notlever.co', false],
    ['ashbyhq.com', true],
  ])('%s → %s', (address, expected) => {
    expect(isAtsAddress(address)).toBe(expected);
  });

  it('lists each domain once, lower-cased', () => {
    expect(new Set(ATS_DOMAINS).size).toBe(ATS_DOMAINS.length);
    for (const d of ATS_DOMAINS) expect(d).toBe(d.toLowerCase());
  });
});
