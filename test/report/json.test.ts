import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { renderJson } from '../../src/report/json.ts';
import { withProgress, aDecision, anAction, anInterviewerState, anInterviewState, aWarning } from './decision-builder.ts';

const isoDate = z.iso.datetime();
const nullableIso = isoDate.nullable();

// The documented --json shape (issue 2 §6 and the CLI's contract); strict, so a renamed or
// missing key fails here before it breaks someone's script.
const reportSchema = z.strictObject({
  now: isoDate,
  interviews: z.array(
    z.strictObject({
      source: z.enum(['config', 'invitation']),
      invitation: z.strictObject({ uid: z.string() }).nullable(),
      id: z.string(),
      company: z.string(),
      role: z.string(),
      start: isoDate,
      status: z.string(),
      explanation: z.string(),
      interviewers: z.array(
        z.strictObject({
          name: z.string(),
          email: z.string(),
          thankYou: z.strictObject({ status: z.string(), sentAt: nullableIso, dueBy: isoDate, explanation: z.string() }),
        }),
      ),
      lastCompanyMessageAt: nullableIso,
      unansweredFollowUps: z.number().int(),
      checkInDueAt: nullableIso,
      actions: z.array(
        z.strictObject({
          key: z.string(),
          kind: z.enum(['thank-you', 'check-in', 'rejection-reply']),
          to: z.array(z.string()),
          threadId: z.string().nullable(),
          draft: z.enum(['planned', 'created', 'exists', 'dismissed', 'stale']),
          draftId: z.string().nullable(),
          from: z.string(),
          discard: z.boolean(),
          reason: z.string(),
        }),
      ),
      notes: z.array(z.string()),
      incomplete: z.boolean(),
      unread: z.array(z.strictObject({ code: z.string(), kind: z.enum(['advice', 'read-failure']), message: z.string(), source: z.string().nullable() })),
    }),
  ),
  me: z.strictObject({ name: z.string(), emails: z.array(z.string()) }),
  suggested: z.array(z.object({ id: z.string(), source: z.literal('invitation') })),
  mailbox: z.strictObject({ messagesRead: z.number(), messagesAboutInterviews: z.number(), sources: z.array(z.string()) }).nullable(),
  sync: z.strictObject({ kind: z.enum(['full', 'incremental']), reason: z.string().nullable(), searched: z.array(z.string()) }).nullable(),
  warnings: z.array(z.strictObject({ code: z.string(), kind: z.enum(['advice', 'read-failure']), message: z.string(), source: z.string().nullable(), concerns: z.array(z.string()) })),
});

const sentAt = new Date('2026-11-18T20:00:00Z');
const decision = aDecision({
  interviews: [
    anInterviewState(),
    anInterviewState({
      status: 'check-in-due',
      interviewers: [anInterviewerState({ thankYou: { status: 'on-time', sentAt, dueBy: new Date('2026-11-19T04:59:59.999Z'), explanation: 'Sent the same day.' } })],
      lastCompanyMessageAt: new Date('2026-11-17T15:00:00Z'),
      checkInDueAt: new Date('2026-11-25T05:00:00Z'),
      unansweredFollowUps: 1,
      actions: [
        withProgress(anAction({
          kind: 'check-in',
          to: [{ name: 'Jane Smith', email: 'jane@acme.com' }, { email: 'bob@acme.com' }],
          parent: { threadId: 'thread-9', messageId: '<m@acme.com>', references: [], subject: 'Interview' },
        }), { draft: 'stale', draftId: 'r-42', discard: false }),
      ],
      notes: ['A note.'],
    }),
  ],
  warnings: [aWarning(), aWarning({ code: 'undated-message', source: undefined })],
});

describe('renderJson', () => {
  const report = JSON.parse(renderJson(decision)) as unknown;

  it('has the documented shape, with every key present', () => {
    expect(reportSchema.safeParse(report).error).toBeUndefined();
  });

  it('writes dates as ISO 8601 and null where absent', () => {
    const parsed = reportSchema.parse(report);
    const [first, second] = parsed.interviews;
    expect(parsed.now).toBe('2026-11-24T14:00:00.000Z');
    expect(first?.interviewers[0]?.thankYou).toMatchObject({ sentAt: null, dueBy: '2026-11-25T04:59:59.999Z' });
    expect(first).toMatchObject({ lastCompanyMessageAt: null, checkInDueAt: null, start: '2026-11-18T15:00:00.000Z' });
    expect(second?.interviewers[0]?.thankYou.sentAt).toBe(sentAt.toISOString());
    expect(second).toMatchObject({ lastCompanyMessageAt: '2026-11-17T15:00:00.000Z', unansweredFollowUps: 1 });
    expect(parsed.warnings).toEqual([
      { code: 'unparseable-message', kind: 'read-failure', message: 'Could not parse a message; skipped.', source: 'mailbox.mbox@1024', concerns: [] },
      { code: 'undated-message', kind: 'read-failure', message: 'Could not parse a message; skipped.', source: null, concerns: [] },
    ]);
  });

  it('lists recipients as e-mail addresses and takes the thread from the parent', () => {
    const [first, second] = reportSchema.parse(report).interviews;
    expect(first?.actions[0]).toMatchObject({ kind: 'thank-you', to: ['jane@acme.com'], threadId: null, draftId: null, draft: 'planned' });
    expect(second?.actions[0]).toMatchObject({ to: ['jane@acme.com', 'bob@acme.com'], threadId: 'thread-9', draftId: 'r-42', draft: 'stale' });
  });

  it('renders an empty decision', () => {
    expect(JSON.parse(renderJson(aDecision({ interviews: [] })))).toEqual({ now: '2026-11-24T14:00:00.000Z', me: { name: 'Alex Doe', emails: ['alex@example.com'] }, interviews: [], warnings: [], suggested: [], mailbox: null, sync: null });
  });
});
