// Builders of the core's output for renderer and composer tests: the Decision is data, so tests
// build it by hand (changesets' FakeFullState style) instead of running the engine.
import type {
  Action,
  ActionKind,
  Decision,
  DraftProgress,
  DraftState,
  PlannedAction,
  ReportedWarning,
  ThankYouAction,
  Interview,
  Interviewer,
  InterviewerState,
  InterviewState,
  Me,
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

/** What a test may set on an action; `kind` picks which one. */
export type ActionOverrides = Partial<Omit<ThankYouAction, 'kind'>> & { kind?: ActionKind };

/** A planned action (a thank-you unless `kind` says otherwise), as the engine plans them. */
export function anAction(overrides: ActionOverrides = {}): PlannedAction {
  const { kind = 'thank-you', interviewer: given, ...rest } = overrides;
  const interviewer = given ?? anInterviewer();
  const base = {
    key: `acme-backend:${kind}:${interviewer.email}`,
    interviewId: 'acme-backend',
    to: [{ name: interviewer.name, email: interviewer.email }],
    from: { name: 'Alex Doe', email: 'alex@example.com' },
    reason: 'No thank-you to Jane yet; the interview ended 1 day ago.',
    draft: 'planned' as const,
    ...rest,
  };
  return kind === 'thank-you' ? { ...base, kind, interviewer } : { ...base, kind };
}

/** A draft state with the fields it carries. */
export function progressOf(draft: DraftState, draftId: string): DraftProgress {
  switch (draft) {
    case 'planned':
      return { draft };
    case 'exists':
      return { draft, draftId, unrecorded: false };
    case 'stale':
      return { draft, draftId, discard: false };
    default:
      return { draft, draftId };
  }
}

/** The same action in another draft state. */
export function withProgress(action: PlannedAction, progress: DraftProgress): Action {
  return { ...action, ...progress } as Action;
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
    unread: [],
    evidence: [],
    ...overrides,
  };
}

export function aWarning(overrides: Partial<ReportedWarning> = {}): ReportedWarning {
  return { code: 'unparseable-message', message: 'Could not parse a message; skipped.', source: 'mailbox.mbox@1024', concerns: [], ...overrides };
}

export function aDecision(overrides: Partial<Decision> = {}): Decision {
  return { now: NOW, me: aMe(), interviews: [anInterviewState()], warnings: [], ...overrides };
}
