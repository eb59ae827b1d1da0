import { describe, expect, it } from 'vitest';
import { myAddressFor } from '../../src/core/my-address.ts';
import { interview, JANE, message, mine, only, run, theirs, threads } from './builders.ts';

// §4: who writes, and to whom. Me with two addresses; the conversation with Acme used the second.
const ME2 = { name: 'Alex Doe', emails: ['alex@example.com', 'alex.doe@work.example'] };
const RITA = { name: 'Rita Recruiter', email: 'rita@acme.com' };

describe('the address of mine a draft is written from', () => {
  it.each([
    {
      name: 'the one the company wrote to in that thread',
      messages: [theirs('2026-11-18T12:00:00-05:00', JANE.email, 'Thanks!', { to: ['alex.doe@work.example'] })],
      from: 'alex.doe@work.example',
    },
    {
      name: 'else the one I used there',
      messages: [mine('2026-11-18T12:00:00-05:00', [JANE.email], 'Thank you', { from: 'alex.doe@work.example' })],
      from: 'alex.doe@work.example',
    },
    { name: 'else my first address', messages: [], from: 'alex@example.com' },
  ])('$name', ({ messages, from }) => {
    const [thread] = threads(...messages);
    expect(myAddressFor(thread, ME2)).toEqual({ name: 'Alex Doe', email: from });
  });
});

describe('a check-in after a recruiter not in the config promised news', () => {
  const start = '2026-11-18T10:00:00-05:00';
  const thankYou = mine('2026-11-18T15:00:00-05:00', [JANE.email], 'Thank you for today.', { thread: 't-ty', from: 'alex.doe@work.example' });
  const promise = theirs('2026-11-19T10:00:00-05:00', RITA, "Thanks for interviewing with us. We'll have an update by Friday, December 4.", {
    thread: 't-rita', to: ['alex.doe@work.example'], subject: 'Next steps', id: 'rita-1',
  });

  it('goes to her, in her thread, from the address she wrote to, once the day she named has passed', () => {
    const decision = run({ now: '2026-12-07T09:00:00-05:00', me: ME2, interviews: [interview({ start: new Date(start) })], messages: [thankYou, promise] });
    const [checkIn] = only(decision).actions;
    expect(checkIn).toMatchObject({
      kind: 'check-in',
      to: [RITA],
      from: { email: 'alex.doe@work.example' },
      threadId: 't-rita',
      parent: { messageId: '<rita-1@mail.test>', subject: 'Next steps' },
    });
    expect(checkIn!.reason).toContain('2026-12-04');
  });

  it('waits until then', () => {
    const decision = run({ now: '2026-12-03T09:00:00-05:00', me: ME2, messages: [thankYou, promise] });
    expect(only(decision).actions).toEqual([]);
  });

  it('goes to the contact when the last company message came from a no-reply system', () => {
    const robot = message({ from: { name: 'Acme Careers', email: 'no-reply@acme.com' }, to: ['alex.doe@work.example'], at: '2026-11-19T10:00:00-05:00', text: 'We have received your thank-you.', thread: 't-bot' });
    const decision = run({ now: '2026-12-01T09:00:00-05:00', me: ME2, messages: [thankYou, robot] });
    const [checkIn] = only(decision).actions;
    expect(checkIn).toMatchObject({ kind: 'check-in', to: [{ email: JANE.email }], threadId: 't-ty', from: { email: 'alex.doe@work.example' } });
  });
});

describe('--verbose evidence', () => {
  it('says what each message counted as, and asks about an address that may be mine', () => {
    const thankYou = mine('2026-11-18T15:00:00-05:00', [JANE.email], 'Thank you for today.');
    const other = message({ from: 'alex.personal@gmail.com', to: [JANE.email], at: '2026-11-18T16:00:00-05:00', labels: ['INBOX'] });
    const reply = theirs('2026-11-19T10:00:00-05:00', JANE.email, 'Thanks Alex!');
    const state = only(run({ now: '2026-11-20T09:00:00-05:00', messages: [thankYou, other, reply] }));
    expect(state.evidence.map((e) => e.verdict)).toEqual([
      'thank-you to Jane Smith (R1)',
      'ignored: from alex.personal@gmail.com, an address that is not yours — is alex.personal@gmail.com yours? add it to me.emails',
      'message from Acme (R3)',
    ]);
  });
});
