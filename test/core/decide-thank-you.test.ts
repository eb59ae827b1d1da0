import { describe, expect, it } from 'vitest';
import { BOB, JANE, interview, mine, only, run, theirs, message } from './builders.ts';

const MORNING = interview(); // Wed 2026-11-18 10:00 New York, 60 minutes
const AFTERNOON = interview({ start: new Date('2026-11-18T14:00:00-05:00') });

describe('R1 thank-you deadline (S4: morning → same day, afternoon → next day)', () => {
  it.each([
    { name: 'not ended yet → not-yet-due', iv: MORNING, now: '2026-11-18T10:30:00-05:00', sent: undefined, status: 'not-yet-due' },
    { name: 'ended, none sent, deadline ahead → due', iv: MORNING, now: '2026-11-18T12:00:00-05:00', sent: undefined, status: 'due' },
    { name: 'morning interview, thanked the same evening → on-time', iv: MORNING, now: '2026-11-20T09:00:00-05:00', sent: '2026-11-18T21:00:00-05:00', status: 'on-time' },
    { name: 'morning interview, thanked next morning → late', iv: MORNING, now: '2026-11-20T09:00:00-05:00', sent: '2026-11-19T08:00:00-05:00', status: 'late' },
    { name: 'afternoon interview, thanked next evening → on-time', iv: AFTERNOON, now: '2026-11-20T09:00:00-05:00', sent: '2026-11-19T22:00:00-05:00', status: 'on-time' },
    { name: 'afternoon interview, thanked two days later → late', iv: AFTERNOON, now: '2026-11-21T09:00:00-05:00', sent: '2026-11-20T08:00:00-05:00', status: 'late' },
    { name: 'none sent, deadline passed → missing', iv: MORNING, now: '2026-11-19T09:00:00-05:00', sent: undefined, status: 'missing' },
  ])('$name', ({ iv, now, sent, status }) => {
    const messages = sent ? [mine(sent, [JANE.email])] : [];
    const state = only(run({ now, interviews: [iv], messages }));
    expect(state.interviewers[0]!.thankYou.status).toBe(status);
  });

  it('reports the deadline and explains it in a sentence a person can check', () => {
    const state = only(run({ now: '2026-11-18T16:00:00-05:00', interviews: [AFTERNOON] }));
    const thankYou = state.interviewers[0]!.thankYou;
    expect(thankYou.dueBy.toISOString()).toBe('2026-11-20T04:59:59.999Z');
    expect(thankYou.explanation).toBe('thank-you to Jane due by Thu Nov 19 23:59 — interview started 14:00, so the next day counts');
  });

  it('judges morning or afternoon in the user time zone, whatever offset start is written with', () => {
    // 11:30 in Los Angeles is 14:30 in New York: an afternoon interview for a New York user.
    const west = interview({ start: new Date('2026-11-18T11:30:00-08:00') });
    expect(only(run({ now: '2026-11-19T12:00:00-05:00', interviews: [west] })).interviewers[0]!.thankYou.status).toBe('due');
    // 16:00 in Paris is 10:00 in New York: a morning interview, due the same day.
    const east = interview({ start: new Date('2026-11-18T16:00:00+01:00') });
    expect(only(run({ now: '2026-11-19T00:30:00-05:00', interviews: [east] })).interviewers[0]!.thankYou.status).toBe('missing');
  });

  it('does not count a message sent before the interview started', () => {
    const state = only(run({ now: '2026-11-18T12:00:00-05:00', messages: [mine('2026-11-17T09:00:00-05:00', [JANE.email], 'See you tomorrow!')] }));
    expect(state.interviewers[0]!.thankYou.status).toBe('due');
  });

  it('counts one message to two interviewers for each, with a warning', () => {
    const iv = interview({ interviewers: [JANE, BOB] });
    const decision = run({ now: '2026-11-19T09:00:00-05:00', interviews: [iv], messages: [mine('2026-11-18T15:00:00-05:00', [JANE.email], 'Thanks both', { cc: [BOB.email] })] });
    expect(only(decision).interviewers.map((i) => i.thankYou.status)).toEqual(['on-time', 'on-time']);
    expect(decision.warnings).toEqual([expect.objectContaining({ code: 'shared-thank-you', source: 'acme-backend' })]);
  });

  it('treats my later messages to an interviewer as follow-ups, never as a second thank-you', () => {
    const state = only(run({
      now: '2026-11-30T09:00:00-05:00',
      messages: [mine('2026-11-18T15:00:00-05:00', [JANE.email]), mine('2026-11-26T09:00:00-05:00', [JANE.email], 'Checking in')],
    }));
    expect(state.interviewers[0]!.thankYou.sentAt?.toISOString()).toBe('2026-11-18T20:00:00.000Z');
    expect(state.status).toBe('waiting-after-check-in');
  });
});

describe('R2 thank-you draft (one per interviewer, ≤ 7 days, company silent since the end)', () => {
  it('plans one personal thank-you per interviewer still owed one', () => {
    const iv = interview({ interviewers: [JANE, BOB] });
    const state = only(run({ now: '2026-11-18T12:00:00-05:00', interviews: [iv], messages: [mine('2026-11-18T11:30:00-05:00', [JANE.email])] }));
    expect(state.status).toBe('thank-you-due');
    expect(state.actions).toEqual([expect.objectContaining({ kind: 'thank-you', to: [{ name: 'Bob Lee', email: BOB.email }], draft: 'planned', interviewer: BOB })]);
  });

  it('replies in the latest thread with the interviewer', () => {
    const older = theirs('2026-11-10T09:00:00-05:00', JANE.email, 'Scheduling', { thread: 'old', subject: 'Scheduling' });
    const newer = theirs('2026-11-16T09:00:00-05:00', JANE.email, 'Your interview on Wednesday', { thread: 'new', subject: 'Interview on Wednesday' });
    const [action] = only(run({ now: '2026-11-18T12:00:00-05:00', messages: [older, newer] })).actions;
    expect(action).toMatchObject({ threadId: 'new', parent: { threadId: 'new', subject: 'Interview on Wednesday', messageId: newer.messageId } });
  });

  it('starts a new thread when there is no thread with the interviewer', () => {
    const [action] = only(run({ now: '2026-11-18T12:00:00-05:00' })).actions;
    expect(action?.threadId).toBeUndefined();
    expect(action?.parent).toBeUndefined();
  });

  it.each([
    { name: 'still drafted on day 7 although late', now: '2026-11-25T10:59:00-05:00', drafted: true },
    { name: 'not drafted once 7 days have passed', now: '2026-11-25T11:01:00-05:00', drafted: false },
  ])('$name', ({ now, drafted }) => {
    const state = only(run({ now }));
    expect(state.actions.some((a) => a.kind === 'thank-you')).toBe(drafted);
    if (!drafted) expect(state.notes).toContain('no thank-you drafted for Jane Smith: more than 7 days have passed since the interview');
  });

  it('is not drafted once the company has written since the end', () => {
    const reply = theirs('2026-11-18T16:00:00-05:00', 'recruiter@acme.com', 'Thanks for coming in today, we will be in touch.');
    const state = only(run({ now: '2026-11-19T09:00:00-05:00', messages: [reply] }));
    expect(state.actions).toEqual([]);
    expect(state.notes[0]).toMatch(/^no thank-you drafted for Jane Smith: Acme has written since the interview \(Wed Nov 18\)/);
  });

  it('an automatic reply does not stop it (R3)', () => {
    const ooo = theirs('2026-11-18T16:00:00-05:00', JANE.email, 'I am out of the office until Monday.', { headers: { 'auto-submitted': 'auto-replied' } });
    expect(only(run({ now: '2026-11-19T09:00:00-05:00', messages: [ooo] })).actions.map((a) => a.kind)).toEqual(['thank-you']);
  });

  it('is not planned before the interview has ended', () => {
    const state = only(run({ now: '2026-11-18T10:59:00-05:00' }));
    expect(state.status).toBe('scheduled');
    expect(state.actions).toEqual([]);
  });

  it('ignores mail dated after now (a past --now sees the mailbox as it was)', () => {
    const later = mine('2026-11-18T15:00:00-05:00', [JANE.email]);
    const state = only(run({ now: '2026-11-18T12:00:00-05:00', messages: [later] }));
    expect(state.interviewers[0]!.thankYou.status).toBe('due');
  });
});

describe('send-time advice (S3: the morning after, before working hours)', () => {
  it.each([
    { name: 'afternoon interview, evening now → suggests the next morning', iv: AFTERNOON, now: '2026-11-18T16:00:00-05:00', note: 'thank-you to Jane Smith: send it at about Thu Nov 19 08:30, just before the working day starts (S3)' },
    { name: 'afternoon interview, that morning has passed → no advice', iv: AFTERNOON, now: '2026-11-19T09:00:00-05:00', note: undefined },
    { name: 'morning interview: the next morning is past the deadline → no advice', iv: MORNING, now: '2026-11-18T12:00:00-05:00', note: undefined },
  ])('$name', ({ iv, now, note }) => {
    const notes = only(run({ now, interviews: [iv] })).notes.filter((n) => n.includes('S3'));
    expect(notes).toEqual(note ? [note] : []);
  });
});

describe('two interviews at one company', () => {
  it('each owns the messages from its start until the next one starts', () => {
    const screen = interview({ id: 'acme-screen', start: new Date('2026-11-10T10:00:00-05:00') });
    const onsite = interview({ id: 'acme-onsite' });
    const decision = run({
      now: '2026-11-18T16:00:00-05:00',
      interviews: [screen, onsite],
      messages: [mine('2026-11-10T15:00:00-05:00', [JANE.email]), message({ from: 'alex@example.com', to: [JANE.email], at: '2026-11-18T15:00:00-05:00' })],
    });
    expect(decision.interviews.map((i) => i.interviewers[0]!.thankYou.sentAt?.toISOString())).toEqual([
      '2026-11-10T20:00:00.000Z',
      '2026-11-18T20:00:00.000Z',
    ]);
  });
});

describe('what I did not write myself', () => {
  it.each([
    { name: 'a calendar acceptance', subject: 'Accepted: Acme onsite @ Mon Nov 30', headers: {} },
    { name: 'my own out-of-office reply', subject: 'Automatic reply: Scheduling', headers: { 'auto-submitted': 'auto-replied' } },
  ])('$name is neither a thank-you nor a follow-up', ({ subject, headers }) => {
    const auto = mine('2026-11-18T13:00:00-05:00', [JANE.email], 'Accepted', { subject, headers: headers as Record<string, string> });
    const state = only(run({ now: '2026-11-18T14:00:00-05:00', messages: [auto] }));
    expect(state.interviewers[0]!.thankYou.status).toBe('due');
    expect(state.unansweredFollowUps).toBe(0);
    expect(state.status).toBe('thank-you-due');
  });
});

describe('what the company did not write either', () => {
  it('their calendar accepting my invitation is not a word from them: the thank-you is still drafted', () => {
    const accepted = theirs('2026-11-18T12:00:00-05:00', JANE.email, 'Jane Smith has accepted this invitation.', {
      subject: 'Accepted: Follow-up chat @ Mon Nov 23', headers: { 'auto-submitted': 'auto-generated' },
    });
    const state = only(run({ now: '2026-11-18T14:00:00-05:00', messages: [accepted] }));
    expect(state.lastCompanyMessageAt).toBeUndefined();
    expect(state.actions.map((a) => a.kind)).toEqual(['thank-you']);
    expect(state.evidence.map((e) => e.verdict)).toEqual(['calendar response from Acme: not a reply (R3)']);
  });
});
