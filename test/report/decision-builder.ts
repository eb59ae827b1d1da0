// Builders of the core's output for renderer and composer tests: the Decision is data, so tests
// build it by hand (changesets' FakeFullState style) instead of running the engine.
import type {
  Action,
  Decision,
  Interview,
  Interviewer,
  InterviewerState,
  InterviewState,
  Me,
  Warning,
} from '../../src/core/types.ts';

export const NOW = new Date('2026-11-24T14:00:00Z');

export function aMe(overrides: Partial<Me> = {}): Me {
  return { name: 'Alex Doe', emails: ['alex@example.com'], ...overrides };
}

export function anInterviewer(overrides: Partial<Interviewer> = {}): Interviewer {
  return { name: 'Jane Smith', email: 'jane@acme.com', topics: ['event sourcing'], ...overrides };
}

export function anInterview(overrides: Partial<Interview> = {}): Interview {
  const interviewers = overrides.interviewers ?? [anInterviewer()];
  const first = interviewers[0] ?? anInterviewer();
  return {
    id: 'acme-backend',
    company: 'Acme',
    role: 'Backend Engineer',
    source: 'config',
    start: new Date('2026-11-18T15:00:00Z'),
    durationMinutes: 60,
    interviewers,
    domains: ['acme.com'],
    contact: { name: first.name, email: first.email },
    ...overrides,
  };
}

export function anAction(overrides: Partial<Action> = {}): Action {
  const interviewer = overrides.interviewer ?? anInterviewer();
  return {
    key: `acme-backend:thank-you:${interviewer.email}`,
    kind: 'thank-you',
    interviewId: 'acme-backend',
    to: [{ name: interviewer.name, email: interviewer.email }],
    draft: 'planned',
    reason: 'No thank-you to Jane yet; the interview ended 1 day ago.',
    interviewer,
    ...overrides,
  };
}

export function anInterviewerState(overrides: Partial<InterviewerState> = {}): InterviewerState {
  return {
    name: 'Jane Smith',
    email: 'jane@acme.com',
    thankYou: {
      status: 'due',
      dueBy: new Date('2026-11-25T04:59:59.999Z'),
      explanation: 'Interview started 10:00, so the same day counts.',
    },
    ...overrides,
  };
}

export function anInterviewState(overrides: Partial<InterviewState> = {}): InterviewState {
  return {
    interview: anInterview(),
    status: 'thank-you-due',
    explanation: 'A thank-you to Jane is due.',
    interviewers: [anInterviewerState()],
    unansweredFollowUps: 0,
    actions: [anAction()],
    notes: [],
    ...overrides,
  };
}

export function aWarning(overrides: Partial<Warning> = {}): Warning {
  return { code: 'unparseable-message', message: 'Could not parse a message; skipped.', source: 'mailbox.mbox@1024', ...overrides };
}

export function aDecision(overrides: Partial<Decision> = {}): Decision {
  return { now: NOW, interviews: [anInterviewState()], warnings: [], ...overrides };
}
