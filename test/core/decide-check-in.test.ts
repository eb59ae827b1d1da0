import { describe, expect, it } from 'vitest';
import { JANE, interview, mine, only, run, theirs } from './builders.ts';

// Thank-you on Wed 2026-11-18 15:00; 5 business days later is Wed Nov 25.
const THANKS = mine('2026-11-18T15:00:00-05:00', [JANE.email], 'Thank you for your time today.', { thread: 'ty' });

describe('R4 check-in timing', () => {
  it.each([
    { name: 'not before 5 business days after the thank-you', now: '2026-11-24T23:59:00-05:00', status: 'awaiting-reply' },
    { name: 'due from the start of the 5th business day', now: '2026-11-25T00:00:00-05:00', status: 'check-in-due' },
  ])('$name', ({ now, status }) => {
    const state = only(run({ now, messages: [THANKS] }));
    expect(state.status).toBe(status);
    expect(state.checkInDueAt?.toISOString()).toBe('2026-11-25T05:00:00.000Z');
    expect(state.actions.some((a) => a.kind === 'check-in')).toBe(status === 'check-in-due');
  });

  it('drafts the check-in to the contact, in the latest thread with them', () => {
    const iv = interview({ contact: { name: 'Rita Recruiter', email: 'rita@acme.com' } });
    const ritaThread = theirs('2026-11-12T09:00:00-05:00', { name: 'Rita Recruiter', email: 'rita@acme.com' }, 'Confirming your onsite', { thread: 'rita', subject: 'Onsite' });
    const state = only(run({ now: '2026-11-25T09:00:00-05:00', interviews: [iv], messages: [ritaThread, THANKS] }));
    expect(state.actions).toEqual([
      expect.objectContaining({ kind: 'check-in', to: [{ name: 'Rita Recruiter', email: 'rita@acme.com' }], threadId: 'rita', draft: 'planned' }),
    ]);
    expect(state.actions[0]!.reason).toBe('check-in due from Wed Nov 25 00:00 — 5 business days after your last thank-you (Wed Nov 18)');
  });

  it('waits for the business day after the promised decision date', () => {
    const iv = interview({ decisionExpected: '2026-11-27' }); // a Friday → Monday
    const state = only(run({ now: '2026-11-27T12:00:00-05:00', interviews: [iv], messages: [THANKS] }));
    expect(state.status).toBe('awaiting-reply');
    expect(state.checkInDueAt?.toISOString()).toBe('2026-11-30T05:00:00.000Z');
  });

  it('skips policy holidays when counting business days', () => {
    const state = only(run({ now: '2026-11-25T09:00:00-05:00', messages: [THANKS], policy: { holidays: ['2026-11-24'] } }));
    expect(state.checkInDueAt?.toISOString()).toBe('2026-11-26T05:00:00.000Z');
    expect(state.status).toBe('awaiting-reply');
  });

  it('honours policy.checkInBusinessDays', () => {
    const state = only(run({ now: '2026-11-20T09:00:00-05:00', messages: [THANKS], policy: { checkInBusinessDays: 2 } }));
    expect(state.status).toBe('check-in-due');
  });

  it('counts from a neutral company message when the company spoke last', () => {
    const neutral = theirs('2026-11-20T10:00:00-05:00', JANE.email, 'Thanks Alex, it was great to meet you. We are still talking to candidates.', { thread: 'ty' });
    const state = only(run({ now: '2026-11-26T09:00:00-05:00', messages: [THANKS, neutral] }));
    expect(state.status).toBe('awaiting-reply');
    expect(state.checkInDueAt?.toISOString()).toBe('2026-11-27T05:00:00.000Z');
    expect(state.lastCompanyMessageAt?.toISOString()).toBe('2026-11-20T15:00:00.000Z');
  });

  it('uses a date the company message names', () => {
    const neutral = theirs('2026-11-20T10:00:00-05:00', JANE.email, 'Thanks Alex. We expect to make a decision by December 4th.', { thread: 'ty' });
    const state = only(run({ now: '2026-12-07T09:00:00-05:00', messages: [THANKS, neutral] }));
    expect(state.checkInDueAt?.toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(state.status).toBe('check-in-due');
    expect(state.actions[0]!.key).toBe(`check-in:acme-backend:${neutral.id}`);
  });

  it('a company message newer than decisionExpected wins over it', () => {
    const iv = interview({ decisionExpected: '2026-11-20' });
    const neutral = theirs('2026-11-23T10:00:00-05:00', JANE.email, 'Still deciding, thanks for your patience.', { thread: 'ty' });
    expect(only(run({ now: '2026-11-24T09:00:00-05:00', interviews: [iv], messages: [THANKS, neutral] })).checkInDueAt?.toISOString()).toBe('2026-11-30T05:00:00.000Z');
  });

  it('an older company message leaves the promised date in force', () => {
    const iv = interview({ decisionExpected: '2026-12-01' });
    const neutral = theirs('2026-11-19T10:00:00-05:00', JANE.email, 'Thanks Alex, good to meet you.', { thread: 'ty' });
    expect(only(run({ now: '2026-11-27T09:00:00-05:00', interviews: [iv], messages: [THANKS, neutral] })).checkInDueAt?.toISOString()).toBe('2026-12-02T05:00:00.000Z');
  });

  it('an automatic reply naming a return date postpones the check-in (R3)', () => {
    const ooo = theirs('2026-11-18T15:01:00-05:00', JANE.email, 'I am out of the office until Friday, December 4, with limited access to email.', { subject: 'Automatic reply: Thank you', headers: { 'auto-submitted': 'auto-replied' } });
    const state = only(run({ now: '2026-11-25T09:00:00-05:00', messages: [THANKS, ooo] }));
    expect(state.checkInDueAt?.toISOString()).toBe('2026-12-07T05:00:00.000Z');
    expect(state.status).toBe('awaiting-reply');
    expect(state.lastCompanyMessageAt).toBeUndefined();
  });

  it('drafts no check-in when no thank-you was sent', () => {
    const state = only(run({ now: '2026-12-10T09:00:00-05:00' }));
    expect(state.actions).toEqual([]);
    expect(state.status).toBe('awaiting-reply');
  });
});

describe('R5 one unanswered message', () => {
  const checkIn = mine('2026-11-25T09:00:00-05:00', [JANE.email], 'Just checking in on the Backend Engineer role.', { thread: 'ty' });

  it('after my check-in, nothing more until the company writes', () => {
    const state = only(run({ now: '2026-12-10T09:00:00-05:00', messages: [THANKS, checkIn] }));
    expect(state.status).toBe('waiting-after-check-in');
    expect(state.unansweredFollowUps).toBe(1);
    expect(state.actions).toEqual([]);
  });

  it('counts every follow-up since the company last wrote', () => {
    const second = mine('2026-12-02T09:00:00-05:00', [JANE.email], 'Any news?', { thread: 'ty' });
    expect(only(run({ now: '2026-12-10T09:00:00-05:00', messages: [THANKS, checkIn, second] })).unansweredFollowUps).toBe(2);
  });

  it('a company answer opens a new round, keyed by that answer', () => {
    const answer = theirs('2026-11-26T09:00:00-05:00', JANE.email, 'Thanks for checking in, still interviewing.', { thread: 'ty' });
    const state = only(run({ now: '2026-12-04T09:00:00-05:00', messages: [THANKS, checkIn, answer] }));
    expect(state.unansweredFollowUps).toBe(0);
    expect(state.status).toBe('check-in-due');
    expect(state.actions.map((a) => a.key)).toEqual([`check-in:acme-backend:${answer.id}`]);
  });
});

describe('R6 gone quiet', () => {
  it.each([
    { now: '2026-12-29T08:59:00-05:00', status: 'waiting-after-check-in' },
    { now: '2026-12-30T09:00:00-05:00', status: 'gone-quiet' },
  ])('35 days after my last message: $status at $now', ({ now, status }) => {
    const checkIn = mine('2026-11-25T09:00:00-05:00', [JANE.email], 'Checking in.');
    const state = only(run({ now, messages: [THANKS, checkIn] }));
    expect(state.status).toBe(status);
    expect(state.actions).toEqual([]);
  });

  it('stops a due check-in after five weeks of silence since the thank-you', () => {
    expect(only(run({ now: '2026-12-24T09:00:00-05:00', messages: [THANKS] })).status).toBe('gone-quiet');
  });
});

describe('R3 who speaks for the company', () => {
  it.each([
    { name: 'an interviewer', from: JANE.email, text: 'Great to meet you.', counts: true },
    { name: 'an address in the company domain', from: 'recruiting@acme.com', text: 'Great to meet you.', counts: true },
    { name: 'a subdomain of it', from: 'talent@mail.acme.com', text: 'Great to meet you.', counts: true },
    { name: 'an ATS naming the company', from: 'no-reply@us.greenhouse-mail.io', text: 'Thank you for interviewing with Acme.', counts: true },
    { name: 'an ATS naming another company', from: 'no-reply@greenhouse.io', text: 'Thank you for interviewing with Initech.', counts: false },
    { name: 'a public-mail stranger', from: 'someone@gmail.com', text: 'Re: your interview', counts: false },
  ])('$name: counts = $counts', ({ from, text, counts }) => {
    const state = only(run({ now: '2026-11-20T09:00:00-05:00', messages: [theirs('2026-11-19T09:00:00-05:00', from, text)] }));
    expect(state.lastCompanyMessageAt !== undefined).toBe(counts);
  });

  it.each([
    { name: 'Auto-Submitted: auto-replied', headers: { 'auto-submitted': 'auto-replied' }, subject: 'Re: thanks', text: 'Thanks' },
    { name: 'X-Autoreply', headers: { 'x-autoreply': 'yes' }, subject: 'Re: thanks', text: 'Thanks' },
    { name: 'Precedence: auto_reply', headers: { precedence: 'auto_reply' }, subject: 'Re: thanks', text: 'Thanks' },
    { name: 'out-of-office wording', headers: {}, subject: 'Out of Office', text: 'I am currently out of the office.' },
  ])('an automatic reply ($name) is not a reply', ({ headers, subject, text }) => {
    const auto = theirs('2026-11-19T09:00:00-05:00', JANE.email, text, { headers: headers as Record<string, string>, subject });
    expect(only(run({ now: '2026-11-20T09:00:00-05:00', messages: [THANKS, auto] })).lastCompanyMessageAt).toBeUndefined();
  });
});

describe('R7 their reply', () => {
  it('a rejection gets one gracious reply draft, to the person who sent it, in its thread', () => {
    const no = theirs('2026-11-23T09:00:00-05:00', JANE, 'Hi Alex, thank you for your time. After careful consideration we have decided to move forward with other candidates.', { thread: 'ty', subject: 'Re: Thank you' });
    const state = only(run({ now: '2026-11-23T12:00:00-05:00', messages: [THANKS, no] }));
    expect(state.status).toBe('rejected');
    expect(state.actions).toEqual([expect.objectContaining({ kind: 'rejection-reply', to: [JANE], threadId: 'ty', key: `rejection-reply:acme-backend:${no.id}` })]);
  });

  it('an ATS rejection is answered to the contact, never to the no-reply address', () => {
    const no = theirs('2026-11-23T09:00:00-05:00', 'no-reply@greenhouse.io', 'Thank you for your interest in Acme. Unfortunately, we will not be moving forward with your application.', { thread: 'ats' });
    const [action] = only(run({ now: '2026-11-23T12:00:00-05:00', messages: [THANKS, no] })).actions;
    expect(action).toMatchObject({ kind: 'rejection-reply', to: [{ name: 'Jane Smith', email: JANE.email }], threadId: 'ty' });
  });

  it('once I have answered the rejection, it stays rejected with nothing to draft', () => {
    const no = theirs('2026-11-23T09:00:00-05:00', JANE.email, 'We regret to inform you that the position has been filled.', { thread: 'ty' });
    const reply = mine('2026-11-23T10:00:00-05:00', [JANE.email], 'Thank you for letting me know.', { thread: 'ty' });
    const state = only(run({ now: '2026-11-30T12:00:00-05:00', messages: [THANKS, no, reply] }));
    expect(state.status).toBe('rejected');
    expect(state.actions).toEqual([]);
  });

  it.each([
    { kind: 'offer', text: 'We are delighted to extend you an offer for the Backend Engineer role!' },
    { kind: 'next round', text: 'We would like to invite you to a final round with our CTO. What is your availability next week?' },
    { kind: 'question', text: 'Could you send me two references?' },
  ])('$kind → your-move, no draft', ({ text }) => {
    const state = only(run({ now: '2026-11-30T12:00:00-05:00', messages: [THANKS, theirs('2026-11-23T09:00:00-05:00', JANE.email, text, { thread: 'ty' })] }));
    expect(state.status).toBe('your-move');
    expect(state.actions).toEqual([]);
  });
});

describe('where the check-in goes', () => {
  it('answers the newest real message of the thread, never an automatic reply', () => {
    const ooo = theirs('2026-11-18T15:01:00-05:00', JANE.email, 'I am out of the office.', { thread: 'ty', subject: 'Automatic reply: Thank you', headers: { 'auto-submitted': 'auto-replied' } });
    const [action] = only(run({ now: '2026-11-25T09:00:00-05:00', messages: [THANKS, ooo] })).actions;
    expect(action?.parent).toMatchObject({ threadId: 'ty', messageId: THANKS.messageId });
  });

  it('a rejected interview has no check-in date', () => {
    const no = theirs('2026-11-20T09:00:00-05:00', JANE.email, 'We regret to inform you that the position has been filled.', { thread: 'ty' });
    expect(only(run({ now: '2026-11-30T09:00:00-05:00', messages: [THANKS, no] })).checkInDueAt).toBeUndefined();
  });
});
