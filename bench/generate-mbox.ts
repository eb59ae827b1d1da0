// Writes a Google Takeout-style mbox for the benchmark: Gmail-like header blocks (Received chains,
// DKIM/ARC signatures), text+HTML bodies, some base64 attachments, about 1% of the messages with
// the interview people of the config written beside it. Deterministic (seeded), so runs compare.
import { closeSync, openSync, renameSync, writeSync } from 'node:fs';
import { seededRandom } from '../test/helpers/seeded-random.ts';
import { benchInterviews, ME } from './bench-config.ts';
import type { BenchInterview } from './bench-config.ts';

const NOW = new Date('2026-11-24T14:00:00Z');
const INTERVIEW_SHARE = 0.01;
const OTHER_ATS_SHARE = 0.005;
const ATTACHMENT_SHARE = 0.03;
// Of the interview messages, the share that are calendar invitations (a text/calendar part).
const INVITATION_SHARE = 0.1;
const INTERVIEW_DAYS = 60;

export interface GeneratedMbox {
  messages: number;
  interviewMessages: number;
  bytes: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

let pool = '';

/** Random-looking text: a window of a pool made once, so megabytes of base64 cost little. */
function block(rand: () => number, length: number, alphabet: string): string {
  if (pool.length === 0) {
    const seeded = seededRandom(7);
    for (let i = 0; i < 1 << 20; i++) pool += B64[Math.floor(seeded() * 64)];
  }
  const text = pool.slice(Math.floor(rand() * (pool.length - length)), undefined).slice(0, length);
  return alphabet.length === 64 ? text : text.replace(/[+/]/g, 'x');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** As Takeout writes it: "From 1849876543210987654@xxx Wed Nov 18 21:42:10 +0000 2026". */
function fromLine(id: bigint, date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return `From ${id}@xxx ${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad(date.getUTCDate())} ${time} +0000 ${date.getUTCFullYear()}`;
}

const WORDS = ('the of and to in a is that for it as was with be by on not he this are or his from at which but have an ' +
  'they you were her all she there would their we him been has when who will more no if out so said what up its about ' +
  'into than them can only other new some could time these two may then do first any my now such like our over man me ' +
  'meeting project update team review schedule release deploy invoice order shipping account weekly report').split(' ');

function prose(rand: () => number, bytes: number): string {
  const lines: string[] = [];
  let line = '';
  let size = 0;
  while (size < bytes) {
    const word = WORDS[Math.floor(rand() * WORDS.length)]!;
    if (line.length + word.length > 72) {
      lines.push(line);
      size += line.length + 2;
      // Body lines that begin with "From " are quoted in an mbox.
      line = rand() < 0.02 ? '>From' : '';
    }
    line += (line === '' ? '' : ' ') + word;
  }
  lines.push(line);
  return lines.join('\r\n');
}

function folded(value: string): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += 70) parts.push(value.slice(i, i + 70));
  return parts.join('\r\n\t');
}

interface Party {
  from: string;
  to: string;
  subject: string;
  labels: string;
}

function gmailHeaders(rand: () => number, party: Party, date: Date, seq: number, domain: string): string {
  const day = date.toUTCString().replace('GMT', '+0000');
  const sig = folded(block(rand, 344, B64));
  const hops = 2 + Math.floor(rand() * 3);
  const received: string[] = [];
  for (let h = 0; h < hops; h++) {
    received.push(`Received: from mail-${h}.${domain} (mail-${h}.${domain}. [198.51.100.${(seq + h) % 250}])\r\n` +
      `        by mx.google.com with ESMTPS id ${block(rand, 20, B64.slice(0, 62))}\r\n        for <${ME.email}>; ${day}`);
  }
  return [
    `X-GM-THRID: ${1800000000000000000n + BigInt(seq * 7)}`,
    `X-Gmail-Labels: ${party.labels}`,
    `Delivered-To: ${ME.email}`,
    ...received,
    `X-Google-Smtp-Source: ${block(rand, 88, B64)}`,
    `ARC-Seal: i=1; a=rsa-sha256; t=${Math.floor(date.getTime() / 1000)}; cv=none; d=google.com; s=arc-20160816;\r\n        b=${sig}`,
    `ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=google.com; s=arc-20160816;\r\n        h=to:subject:message-id:date:from:mime-version:dkim-signature;\r\n        bh=${block(rand, 44, B64)};\r\n        b=${sig}`,
    `ARC-Authentication-Results: i=1; mx.google.com; dkim=pass header.i=@${domain}; spf=pass smtp.mailfrom=${domain}`,
    `Return-Path: <bounce-${seq}@${domain}>`,
    `Received-SPF: pass (google.com: domain of bounce-${seq}@${domain} designates 198.51.100.7 as permitted sender)`,
    `DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=${domain}; s=s1;\r\n        h=from:to:subject:date:message-id; bh=${block(rand, 44, B64)};\r\n        b=${sig}`,
    'MIME-Version: 1.0',
    `Date: ${day}`,
    `Message-ID: <${seq.toString(36)}.${block(rand, 12, B64.slice(0, 62))}@${domain}>`,
    `Subject: ${party.subject}`,
    `From: ${party.from}`,
    `To: ${party.to}`,
  ].join('\r\n');
}

function body(rand: () => number, withAttachment: boolean): string {
  const text = prose(rand, 300 + Math.floor(rand() * 900));
  const html = `<div dir="ltr"><p>${prose(rand, 200 + Math.floor(rand() * 700)).replace(/\r\n/g, '</p>\r\n<p>')}</p></div>`;
  const alt = `Content-Type: multipart/alternative; boundary="alt"\r\n\r\n--alt\r\nContent-Type: text/plain; charset="UTF-8"\r\n\r\n${text}\r\n--alt\r\nContent-Type: text/html; charset="UTF-8"\r\n\r\n${html}\r\n--alt--`;
  if (!withAttachment) return alt;
  const size = 10_000 + Math.floor(rand() * 30_000); // base64 of a 7–30 KB file
  const data = folded(block(rand, size, B64)).replace(/\r\n\t/g, '\r\n');
  return `Content-Type: multipart/mixed; boundary="mix"\r\n\r\n--mix\r\n${alt}\r\n--mix\r\nContent-Type: application/pdf; name="doc.pdf"\r\nContent-Disposition: attachment; filename="doc.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${data}\r\n--mix--`;
}

/** An invitation as Google Calendar sends it: text and calendar alternatives, times in UTC. */
function invitation(interview: BenchInterview, seq: number): string {
  const start = new Date(interview.start);
  const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const people = interview.interviewers.map((p) => `ATTENDEE;CN=${p.name};ROLE=REQ-PARTICIPANT:mailto:${p.email}`);
  const ics = ['BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'VERSION:2.0', 'METHOD:REQUEST', 'BEGIN:VEVENT',
    `DTSTART:${stamp(start)}`, `DTEND:${stamp(new Date(start.getTime() + 3_600_000))}`, `DTSTAMP:${stamp(NOW)}`,
    `ORGANIZER;CN=${interview.interviewers[0]!.name}:mailto:${interview.interviewers[0]!.email}`, `UID:bench-${seq}@google.com`,
    ...people, `ATTENDEE;CN=${ME.name}:mailto:${ME.email}`, `SUMMARY:Interview with ${interview.company}: ${interview.role}`,
    'SEQUENCE:0', 'STATUS:CONFIRMED', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
  return `Content-Type: multipart/alternative; boundary="alt"\r\n\r\n--alt\r\nContent-Type: text/plain; charset="UTF-8"\r\n\r\nYou have been invited.\r\n--alt\r\nContent-Type: text/calendar; charset="UTF-8"; method=REQUEST\r\n\r\n${ics}\r\n--alt--`;
}

function interviewParty(rand: () => number, interviews: BenchInterview[]): Party {
  const interview = interviews[Math.floor(rand() * interviews.length)]!;
  const person = interview.interviewers[Math.floor(rand() * interview.interviewers.length)]!;
  const kind = rand();
  const subject = `${interview.role} interview at ${interview.company}`;
  if (kind < 0.4) return { from: `${ME.name} <${ME.email}>`, to: `${person.name} <${person.email}>`, subject: `Re: ${subject}`, labels: 'Sent,Opened' };
  if (kind < 0.8) return { from: `${person.name} <${person.email}>`, to: `${ME.name} <${ME.email}>`, subject, labels: 'Inbox,Opened,Important' };
  return { from: `${interview.company} Recruiting <no-reply@greenhouse.io>`, to: ME.email, subject: `Your application to ${interview.company}`, labels: 'Inbox,Category Updates' };
}

function backgroundParty(rand: () => number): Party {
  const n = Math.floor(rand() * 5000);
  if (rand() < OTHER_ATS_SHARE / (1 - INTERVIEW_SHARE)) {
    return { from: `Talent <no-reply@hire.lever.co>`, to: ME.email, subject: `Your application to Company ${n}`, labels: 'Inbox' };
  }
  const domain = n % 3 === 0 ? 'gmail.com' : `news${n % 800}.example.net`;
  return { from: `Sender ${n} <sender${n}@${domain}>`, to: `${ME.name} <${ME.email}>`, subject: `Weekly update #${n}`, labels: 'Inbox,Category Promotions' };
}

/** Writes messages until the file reaches sizeMb; returns what it wrote. */
export function generateMbox(path: string, sizeMb: number): GeneratedMbox {
  const rand = seededRandom(20261124);
  const interviews = benchInterviews();
  const target = sizeMb * 1024 * 1024;
  const tmp = `${path}.partial`;
  const fd = openSync(tmp, 'w');
  let pending: string[] = [];
  let pendingBytes = 0;
  const stats: GeneratedMbox = { messages: 0, interviewMessages: 0, bytes: 0 };
  while (stats.bytes < target) {
    const isInterview = rand() < INTERVIEW_SHARE;
    const party = isInterview ? interviewParty(rand, interviews) : backgroundParty(rand);
    // A job search's mail is recent (all of it after the query's `since`, so all of it is parsed);
    // the rest of a mailbox spans years.
    const days = isInterview ? INTERVIEW_DAYS : 730;
    const date = new Date(NOW.getTime() - Math.floor(rand() * days * 86_400_000));
    const domain = party.from.slice(party.from.lastIndexOf('@') + 1).replace('>', '');
    const separator = fromLine(1800000000000000000n + BigInt(stats.messages), date);
    const invite = isInterview && !party.from.includes(ME.email) && rand() < INVITATION_SHARE;
    const content = invite ? invitation(interviews[stats.messages % interviews.length]!, stats.messages) : body(rand, rand() < ATTACHMENT_SHARE);
    const message = `${separator}\r\n${gmailHeaders(rand, party, date, stats.messages, domain)}\r\n${content}\r\n\r\n`;
    pending.push(message);
    pendingBytes += message.length;
    stats.bytes += message.length;
    stats.messages++;
    if (isInterview) stats.interviewMessages++;
    if (pendingBytes > 8 * 1024 * 1024) {
      writeSync(fd, pending.join(''));
      pending = [];
      pendingBytes = 0;
    }
  }
  writeSync(fd, pending.join(''));
  closeSync(fd);
  renameSync(tmp, path);
  return stats;
}
