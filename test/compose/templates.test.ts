import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftText } from '../../src/compose/compose-draft.ts';
import { checkInText, rejectionReplyText, THANK_YOU_VARIANTS, thankYouText } from '../../src/compose/templates.ts';
import type { Interview, Interviewer } from '../../src/core/types.ts';
import { aMe, anAction, anInterview, anInterviewer } from '../report/decision-builder.ts';

const FORBIDDEN = /salary|compensation|benefits|linkedin/i;
const me = aMe();

function words(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function thankYouTexts(interview: Interview): string[] {
  return interview.interviewers.map((interviewer) =>
    draftText({ action: anAction({ interviewer }), interview, me, timezone: 'UTC' }),
  );
}

describe('thank-you text (R2: personal, one per interviewer)', () => {
  it('greets by first name and names the role, company, topics and sender', () => {
    const interviewer = anInterviewer({ name: 'Jane Smith', topics: ['event sourcing', 'on-call culture'] });
    const text = thankYouText({ interview: anInterview(), interviewer, me, variant: 0 });
    expect(text.startsWith('Dear Jane,\n')).toBe(true);
    expect(text).toContain('Backend Engineer');
    expect(text).toContain('Acme');
    expect(text).toContain('event sourcing and on-call culture');
    expect(text.endsWith('\nAlex Doe')).toBe(true);
  });

  it('says "Hello," when the interviewer has no name', () => {
    const text = thankYouText({ interview: anInterview(), interviewer: anInterviewer({ name: '' }), me, variant: 4 });
    expect(text.startsWith('Hello,\n')).toBe(true);
  });

  it('every variant is short, on topic and distinct', () => {
    const interviewer = anInterviewer({ topics: ['distributed tracing', 'the migration to Postgres'] });
    const texts = Array.from({ length: THANK_YOU_VARIANTS }, (_, variant) =>
      thankYouText({ interview: anInterview(), interviewer, me, variant }),
    );
    expect(new Set(texts).size).toBe(THANK_YOU_VARIANTS);
    for (const text of texts) {
      expect(words(text)).toBeLessThan(150);
      expect(text).not.toMatch(FORBIDDEN);
      expect(text).toContain('distributed tracing and the migration to Postgres');
    }
  });

  it('two interviewers with the same first name and no topics still get different notes', () => {
    const interview = anInterview({
      interviewers: [
        anInterviewer({ name: 'Sam Lee', email: 'sam.lee@acme.com', topics: [] }),
        anInterviewer({ name: 'Sam Lee', email: 'slee@acme.com', topics: [] }),
      ],
    });
    const [first, second] = thankYouTexts(interview);
    expect(first).toContain('Dear Sam,');
    expect(second).toContain('Dear Sam,');
    expect(first).not.toBe(second);
  });

  it('no two interviewers of one interview ever get identical text (property)', () => {
    const name = fc.constantFrom('Jane Smith', 'Jane Doe', 'José Núñez', 'Sam', '', 'Dr. Ann Lee');
    const topics = fc.array(fc.constantFrom('event sourcing', 'CQRS', 'hiring', 'Kafka'), { maxLength: 2 });
    const interviewers = fc
      .uniqueArray(fc.record({ name, topics, email: fc.emailAddress() }), {
        minLength: 2,
        maxLength: 8,
        selector: (i) => i.email.toLowerCase(),
      })
      .map((list): Interviewer[] => list.map((i) => ({ ...i, email: i.email.toLowerCase() })));
    fc.assert(
      fc.property(interviewers, (list) => {
        const texts = thankYouTexts(anInterview({ interviewers: list }));
        expect(new Set(texts).size).toBe(list.length);
        for (const text of texts) expect(words(text)).toBeLessThan(150);
      }),
    );
  });
});

describe('check-in text (R4, S3)', () => {
  const text = checkInText({ interview: anInterview(), recipientFirstName: 'Jane', me, timezone: 'America/New_York' });

  it('restates interest, is patient, and asks for an updated timeframe', () => {
    expect(text.startsWith('Dear Jane,\n')).toBe(true);
    expect(text).toContain('Backend Engineer role at Acme on Wednesday, November 18');
    expect(text).toMatch(/remain very interested/);
    expect(text).toMatch(/take time/);
    expect(text).toMatch(/updated timeframe/);
    expect(words(text)).toBeLessThan(150);
    expect(text).not.toMatch(FORBIDDEN);
  });
});

describe('rejection reply text (R7, S1, S2)', () => {
  const text = rejectionReplyText({ interview: anInterview(), recipientFirstName: undefined, me });

  it('thanks them, mentions the team, asks to be kept in mind, wishes them well', () => {
    expect(text.startsWith('Hello,\n')).toBe(true);
    expect(text).toMatch(/time and consideration/);
    expect(text).toMatch(/meeting the team at Acme/);
    expect(text).toMatch(/future openings/);
    expect(text).toMatch(/all the best/);
    expect(words(text)).toBeLessThan(150);
    expect(text).not.toMatch(FORBIDDEN);
  });
});

describe('signature (S0, S1, S3: leave a phone number)', () => {
  it('signs every kind of draft with the phone number when the user gave one', () => {
    const withPhone = { ...me, phone: '+1 555 0100' };
    const interview = anInterview();
    for (const kind of ['thank-you', 'check-in', 'rejection-reply'] as const) {
      const text = draftText({ action: anAction({ kind }), interview, me: withPhone, timezone: 'UTC' });
      expect(text.endsWith(`\n${me.name}\n+1 555 0100`)).toBe(true);
      expect(draftText({ action: anAction({ kind }), interview, me, timezone: 'UTC' }).endsWith(`\n${me.name}`)).toBe(true);
    }
  });
});
