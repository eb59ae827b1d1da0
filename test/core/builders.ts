// Builders for the core's input. The core never parses mail, so its tests build its own types
// directly (parsing is tested on real messages in test/mailbox and test/gmail).
import type { Address, Interview, Interviewer, Ledger, Me, Message, PendingDraft, Thread, Warning } from '../../src/core/types.ts';
import { DEFAULT_POLICY, type Policy } from '../../src/core/types.ts';
import { decide, type DecideInput } from '../../src/core/decide.ts';

export const ZONE = 'America/New_York';
export const ME: Me = { name: 'Alex Doe', emails: ['alex@example.com'] };
export const JANE: Interviewer = { name: 'Jane Smith', email: 'jane@acme.com', topics: ['event sourcing'] };
export const BOB: Interviewer = { name: 'Bob Lee', email: 'bob@acme.com', topics: ['on-call'] };

export function interview(overrides: Partial<Interview> = {}): Interview {
  const interviewers = overrides.interviewers ?? [JANE];
  return {
    id: 'acme-backend',
    company: 'Acme',
    role: 'Backend Engineer',
    source: 'config',
    start: new Date('2026-11-18T10:00:00-05:00'),
    durationMinutes: 60,
    interviewers,
    domains: ['acme.com'],
    contact: { name: interviewers[0]!.name, email: interviewers[0]!.email },
    ...overrides,
  };
}

let counter = 0;

function addr(a: string | Address): Address {
  return typeof a === 'string' ? { email: a } : a;
}

export function message(m: {
  from: string | Address;
  to?: (string | Address)[];
  cc?: (string | Address)[];
  at: string;
  subject?: string;
  text?: string;
  thread?: string;
  labels?: string[];
  headers?: Record<string, string>;
  id?: string;
}): Message {
  counter += 1;
  const id = m.id ?? `m${counter}`;
  return {
    id,
    threadId: m.thread ?? 't1',
    messageId: `<${id}@mail.test>`,
    references: [],
    from: addr(m.from),
    replyTo: [],
    to: (m.to ?? []).map(addr),
    cc: (m.cc ?? []).map(addr),
    date: new Date(m.at),
    subject: m.subject ?? 'Backend Engineer interview',
    labels: m.labels ?? (addr(m.from).email === ME.emails[0] ? ['SENT'] : ['INBOX']),
    headers: m.headers ?? {},
    text: m.text ?? 'Thanks!',
  };
}

/** Me writing to someone. */
export function mine(at: string, to: (string | Address)[], text = 'Thank you for your time today.', extra: Partial<Parameters<typeof message>[0]> = {}): Message {
  return message({ from: ME.emails[0]!, to, at, text, ...extra });
}

/** Someone writing to me. */
export function theirs(at: string, from: string | Address, text: string, extra: Partial<Parameters<typeof message>[0]> = {}): Message {
  return message({ from, to: [ME.emails[0]!], at, text, ...extra });
}

export function threads(...messages: Message[]): Thread[] {
  const byId = new Map<string, Message[]>();
  for (const m of messages) byId.set(m.threadId, [...(byId.get(m.threadId) ?? []), m]);
  return [...byId].map(([id, ms]) => ({ id, messages: ms.sort((a, b) => a.date.getTime() - b.date.getTime()) }));
}

export const EMPTY_LEDGER: Ledger = { version: 1, entries: [] };

export function run(args: {
  now: string;
  interviews?: Interview[];
  messages?: Message[];
  drafts?: PendingDraft[];
  ledger?: Ledger;
  policy?: Partial<Policy>;
  timezone?: string;
  readWarnings?: Warning[];
  discardStale?: boolean;
  me?: Me;
}) {
  const input: DecideInput = {
    interviews: args.interviews ?? [interview()],
    threads: threads(...(args.messages ?? [])),
    drafts: args.drafts ?? [],
    ledger: args.ledger ?? EMPTY_LEDGER,
    me: args.me ?? ME,
    now: new Date(args.now),
    readWarnings: args.readWarnings ?? [],
    discardStale: args.discardStale ?? false,
    timezone: args.timezone ?? ZONE,
    policy: { ...DEFAULT_POLICY, ...args.policy },
  };
  return decide(input);
}

export function only(decision: ReturnType<typeof decide>) {
  const state = decision.interviews[0];
  if (!state) throw new Error('no interview in decision');
  return state;
}
