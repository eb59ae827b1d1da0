import { describe, expect, it } from 'vitest';
import { discoverInterviews } from '../../../src/core/discovery/discover.ts';
import type { Invitation } from '../../../src/core/invitation.ts';
import { ME, SETTINGS, ZONE, invitation } from './builders.ts';

function discover(...invitations: Invitation[]) {
  return discoverInterviews({ invitations, me: ME, settings: SETTINGS, timezone: ZONE });
}

describe('only invitations in messages to me that I did not send', () => {
  it.each([
    { name: 'a message labelled SENT is mine', spec: { labels: ['SENT'] }, reason: 'an invitation I sent, not one to me' },
    { name: 'a message from one of me.emails is mine', spec: { from: { email: 'alex.doe@gmail.com' } }, reason: 'an invitation I sent, not one to me' },
    { name: 'METHOD REPLY (someone accepting/declining) is not an invitation', spec: { method: 'REPLY' as const }, reason: 'an answer to an invitation (METHOD:REPLY), not an invitation' },
    { name: 'nor COUNTER', spec: { method: 'COUNTER' as const }, reason: 'a counter-proposal (METHOD:COUNTER), not an invitation' },
    { name: 'nor DECLINECOUNTER', spec: { method: 'DECLINECOUNTER' as const }, reason: 'a counter-proposal (METHOD:DECLINECOUNTER), not an invitation' },
    { name: 'nor REFRESH', spec: { method: 'REFRESH' as const }, reason: 'a request for the latest version (METHOD:REFRESH), not an invitation' },
  ])('$name', ({ spec, reason }) => {
    const result = discover(invitation(spec));
    expect(result.found).toEqual([]);
    expect(result.skipped).toEqual([expect.objectContaining({ uid: 'uid-1@acme-corp.com', reason })]);
  });

  it.each([
    ['REQUEST', 'REQUEST' as const],
    ['PUBLISH', 'PUBLISH' as const],
    ['no METHOD', null],
  ])('%s counts as an invitation', (_name, method) => {
    const [found] = discover(invitation({ method })).found;
    expect(found).toMatchObject({ status: 'active', interview: { source: 'invitation', invite: 'uid-1@acme-corp.com' } });
  });

  it('keeps the invitation when my own REPLY to it is in the mailbox too', () => {
    const request = invitation({ id: 'request' });
    const reply = invitation({ id: 'reply', method: 'REPLY', labels: ['SENT'], from: { email: 'alex@example.com' }, date: '2026-11-11T09:00:00-05:00' });
    const result = discover(reply, request);
    expect(result.found.map((f) => f.invitation.messageId)).toEqual(['<request@mail.test>']);
    expect(result.skipped).toEqual([]);
  });
});

describe('same UID: the highest SEQUENCE wins, then the latest DTSTAMP (then the latest message date)', () => {
  const first = invitation({ id: 'v0', sequence: 0, dtstamp: '2026-11-01T12:00:00Z', date: '2026-11-01T12:00:00Z' });
  const moved = invitation({ id: 'v1', sequence: 1, dtstamp: '2026-11-05T12:00:00Z', date: '2026-11-05T12:00:00Z', start: '2026-11-20T14:00:00-05:00', minutes: 45 });

  it('a reschedule (new SEQUENCE, new start) moves the start', () => {
    for (const order of [[first, moved], [moved, first]]) {
      const [found] = discover(...order).found;
      expect(found!.interview.start.toISOString()).toBe('2026-11-20T19:00:00.000Z');
      expect(found!.interview.durationMinutes).toBe(45);
      expect(found!.invitation).toMatchObject({ sequence: 1, messageId: '<v1@mail.test>' });
    }
  });

  it('the id keeps the date of the first version after a reschedule', () => {
    expect(discover(first, moved).found[0]!.interview.id).toBe('acme-corp-2026-11-18-aca4');
  });

  it('a higher SEQUENCE wins over a later DTSTAMP', () => {
    const staleButLater = invitation({ id: 'late', sequence: 0, dtstamp: '2026-11-09T12:00:00Z', start: '2026-11-18T09:00:00-05:00' });
    expect(discover(moved, staleButLater).found[0]!.invitation.messageId).toBe('<v1@mail.test>');
  });

  it('with the same SEQUENCE, the latest DTSTAMP wins', () => {
    const a = invitation({ id: 'a', dtstamp: '2026-11-02T12:00:00Z', date: '2026-11-09T12:00:00Z', start: '2026-11-18T09:00:00-05:00' });
    const b = invitation({ id: 'b', dtstamp: '2026-11-03T12:00:00Z', date: '2026-11-03T12:00:00Z', start: '2026-11-18T11:00:00-05:00' });
    expect(discover(a, b).found[0]!.interview.start.toISOString()).toBe('2026-11-18T16:00:00.000Z');
  });

  it('with the same SEQUENCE and DTSTAMP, the latest message wins', () => {
    const a = invitation({ id: 'a', dtstamp: '2026-11-02T12:00:00Z', date: '2026-11-04T12:00:00Z', start: '2026-11-18T09:00:00-05:00' });
    const b = invitation({ id: 'b', dtstamp: '2026-11-02T12:00:00Z', date: '2026-11-03T12:00:00Z', start: '2026-11-18T11:00:00-05:00' });
    expect(discover(b, a).found[0]!.interview.start.toISOString()).toBe('2026-11-18T14:00:00.000Z');
  });
});

describe('if the winner is a CANCEL (or STATUS:CANCELLED), the interview is cancelled', () => {
  const request = invitation({ id: 'req', sequence: 1, summary: 'Interview with Acme Corp: Backend Engineer', date: '2026-11-05T12:00:00Z' });
  const cancel = invitation({ id: 'cancel', sequence: 2, method: 'CANCEL', status: 'CANCELLED', summary: 'Canceled', date: '2026-11-12T15:30:00Z' });

  it('status cancelled, cancelledAt = that message\'s date, fields from the latest non-cancel version', () => {
    const [found] = discover(cancel, request).found;
    expect(found).toMatchObject({ status: 'cancelled', invitation: { method: 'CANCEL', messageId: '<cancel@mail.test>' } });
    expect(found!.interview.cancelledAt?.toISOString()).toBe('2026-11-12T15:30:00.000Z');
    expect(found!.interview).toMatchObject({ company: 'Acme Corp', role: 'Backend Engineer' });
  });

  it('a REQUEST with STATUS:CANCELLED cancels too', () => {
    const cancelledRequest = invitation({ id: 'c2', sequence: 2, status: 'CANCELLED', date: '2026-11-12T15:30:00Z' });
    expect(discover(request, cancelledRequest).found[0]!.status).toBe('cancelled');
  });

  it('a CANCEL alone still gives the interview its fields, cancelled', () => {
    const lone = invitation({ id: 'lone', sequence: 3, method: 'CANCEL', summary: 'Onsite Interview — Wonka Industries' });
    expect(discover(lone).found[0]).toMatchObject({ status: 'cancelled', interview: { company: 'Wonka Industries' } });
  });

  it('a CANCEL with a lower SEQUENCE than a new invitation does not cancel it (invited again)', () => {
    const again = invitation({ id: 'again', sequence: 3, date: '2026-11-13T12:00:00Z' });
    const [found] = discover(request, cancel, again).found;
    expect(found!.status).toBe('active');
    expect(found!.interview.cancelledAt).toBeUndefined();
  });
});
