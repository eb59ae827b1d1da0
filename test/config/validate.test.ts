import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.ts';

const OPTIONS = { file: '/home/alex/.config/interview-followup/config.jsonc', systemTimeZone: 'Europe/Paris' };

interface Draft {
  [key: string]: unknown;
  me: Record<string, unknown>;
  interviews: Record<string, unknown>[];
}

function validDraft(): Draft {
  return {
    me: { name: 'Alex Doe', emails: ['alex@example.com'] },
    timezone: 'America/New_York',
    interviews: [
      {
        id: 'acme-backend',
        company: 'Acme',
        role: 'Backend Engineer',
        start: '2026-11-18T10:00:00-05:00',
        interviewers: [
          { name: 'Jane Smith', email: 'jane@acme.com', topics: ['event sourcing'] },
          { name: 'Bo Chen', email: 'bo@acme.com' },
        ],
      },
    ],
  };
}

function problemsOf(value: unknown): string[] {
  const result = validateConfig(value, OPTIONS);
  if (result.ok) throw new Error('expected problems, the config was accepted');
  return result.problems;
}

function first(draft: Draft): Record<string, unknown> {
  const interview = draft.interviews[0];
  if (!interview) throw new Error('the draft has no interview');
  return interview;
}

function people(draft: Draft): Record<string, unknown>[] {
  return first(draft).interviewers as Record<string, unknown>[];
}

const secondInterview = (draft: Draft) => ({ ...first(draft), start: '2026-11-25T10:00:00-05:00' });

const cases: { name: string; change: (draft: Draft) => void; problems: string[] }[] = [
  {
    name: 'a bad interviewer e-mail',
    change: (d) => void Object.assign(people(d)[1] ?? {}, { email: 'jane@' }),
    problems: ['interviews[0].interviewers[1].email: "jane@" is not an e-mail address'],
  },
  {
    name: 'a bad e-mail of mine',
    change: (d) => void (d.me.emails = ['alex@example.com', 'alex at example.com']),
    problems: ['me.emails[1]: "alex at example.com" is not an e-mail address'],
  },
  {
    name: 'an unknown time zone',
    change: (d) => void (d.timezone = 'Mars/Olympus'),
    problems: ['timezone: "Mars/Olympus" is not an IANA time zone'],
  },
  {
    name: 'a UTC offset instead of a zone',
    change: (d) => void (d.timezone = '+05:00'),
    problems: ['timezone: "+05:00" is not an IANA time zone'],
  },
  {
    name: 'a duplicate interview id',
    change: (d) => void d.interviews.push(secondInterview(d)),
    problems: ['interviews[1].id: duplicate id "acme-backend" (also interviews[0])'],
  },
  {
    name: 'the same interviewer twice in one interview, in other case',
    change: (d) => void people(d).push({ name: 'Jane S.', email: 'JANE@acme.com' }),
    problems: ['interviews[0].interviewers[2].email: duplicate interviewer "JANE@acme.com" (also interviews[0].interviewers[0])'],
  },
  {
    name: 'a start without an offset',
    change: (d) => void (first(d).start = '2026-11-18T10:00:00'),
    problems: ['interviews[0].start: must be an ISO 8601 date-time with an offset, like 2026-11-18T10:00:00-05:00'],
  },
  {
    name: 'a start on a day that does not exist',
    change: (d) => void (first(d).start = '2026-02-30T10:00:00-05:00'),
    problems: ['interviews[0].start: must be an ISO 8601 date-time with an offset, like 2026-11-18T10:00:00-05:00'],
  },
  {
    name: 'an unknown key in an interview',
    change: (d) => void (first(d).colour = 'blue'),
    problems: ['interviews[0].colour: unknown key'],
  },
  {
    name: 'two unknown keys at the top',
    change: (d) => Object.assign(d, { polcy: {}, extra: 1 }),
    problems: ['polcy: unknown key', 'extra: unknown key'],
  },
  {
    name: 'an unknown policy key',
    change: (d) => void (d.policy = { thankYouCutoff: 10 }),
    problems: ['policy.thankYouCutoff: unknown key'],
  },
  {
    name: 'a number as a string',
    change: (d) => void (first(d).durationMinutes = '60'),
    problems: ['interviews[0].durationMinutes: expected a number, got the string "60"'],
  },
  {
    name: 'a fraction where an integer belongs',
    change: (d) => void (d.gmail = { maxConcurrency: 2.5 }),
    problems: ['gmail.maxConcurrency: expected an integer, got the number 2.5'],
  },
  {
    name: 'an object where an array belongs',
    change: (d) => void (d.interviews = {} as never),
    problems: ['interviews: expected an array, got an object'],
  },
  {
    name: 'topics as a string',
    change: (d) => void Object.assign(people(d)[0] ?? {}, { topics: 'event sourcing' }),
    problems: ['interviews[0].interviewers[0].topics: expected an array, got the string "event sourcing"'],
  },
  {
    name: 'a missing required field',
    change: (d) => void delete first(d).company,
    problems: ['interviews[0].company: missing (required)'],
  },
  {
    name: 'an empty name',
    change: (d) => void (d.me.name = '  '),
    problems: ['me.name: must not be empty'],
  },
  {
    name: 'no interviewers',
    change: (d) => void (first(d).interviewers = []),
    problems: ['interviews[0].interviewers: must have at least 1 item'],
  },
  {
    name: 'a cutoff hour out of range',
    change: (d) => void (d.policy = { thankYouCutoffHour: 24 }),
    problems: ['policy.thankYouCutoffHour: must be at most 23'],
  },
  {
    name: 'a zero quota',
    change: (d) => void (d.gmail = { quotaUnitsPerMinute: 0 }),
    problems: ['gmail.quotaUnitsPerMinute: must be at least 1'],
  },
  {
    name: 'a holiday that is not a date',
    change: (d) => void (d.policy = { holidays: ['2026-12-25', '25/12/2026'] }),
    problems: ['policy.holidays[1]: "25/12/2026" is not a date like 2026-11-25 (YYYY-MM-DD)'],
  },
  {
    name: 'a decision date with a time',
    change: (d) => void (first(d).decisionExpected = '2026-11-25T12:00:00Z'),
    problems: ['interviews[0].decisionExpected: "2026-11-25T12:00:00Z" is not a date like 2026-11-25 (YYYY-MM-DD)'],
  },
  {
    name: 'a domain that is not one',
    change: (d) => void (first(d).domains = ['acme.com', 'acme']),
    problems: ['interviews[0].domains[1]: "acme" is not a domain name, like acme.com'],
  },
  {
    name: 'an id with spaces',
    change: (d) => void (first(d).id = 'acme backend'),
    problems: [
      'interviews[0].id: "acme backend" must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    ],
  },
  {
    name: 'a contact address that is not one',
    change: (d) => void (first(d).contact = 'jane'),
    problems: ['interviews[0].contact: "jane" is not an e-mail address'],
  },
  {
    name: 'a contact object with a bad address and an unknown key',
    change: (d) => void (first(d).contact = { email: 'rita@', phone: '555' }),
    problems: ['interviews[0].contact.email: "rita@" is not an e-mail address', 'interviews[0].contact.phone: unknown key'],
  },
  {
    name: 'a contact of the wrong type',
    change: (d) => void (first(d).contact = 42),
    problems: ['interviews[0].contact: must be an e-mail address or an object { "name", "email" }'],
  },
  {
    name: 'every problem at once, in one pass',
    change: (d) => {
      d.timezone = 'Mars/Olympus';
      d.interviews.push({ ...secondInterview(d), durationMinutes: '60' });
      first(d).colour = 'blue';
    },
    problems: [
      'timezone: "Mars/Olympus" is not an IANA time zone',
      'interviews[0].colour: unknown key',
      'interviews[1].durationMinutes: expected a number, got the string "60"',
      'interviews[1].id: duplicate id "acme-backend" (also interviews[0])',
    ],
  },
];

describe('validateConfig', () => {
  it('accepts the valid base config', () => {
    expect(validateConfig(validDraft(), OPTIONS).ok).toBe(true);
  });

  it('passes an optional phone number through to sign drafts with', () => {
    const draft = validDraft();
    draft.me.phone = ' +1 555 0100 ';
    const result = validateConfig(draft, OPTIONS);
    expect(result.ok && result.config.me).toEqual({ name: 'Alex Doe', emails: ['alex@example.com'], phone: '+1 555 0100' });
  });

  it.each(cases)('reports $name', ({ change, problems }) => {
    const draft = validDraft();
    change(draft);
    expect(problemsOf(draft)).toEqual(problems);
  });

  it.each([
    ['an array', [], '(top level): expected an object, got an array'],
    ['null', null, '(top level): expected an object, got null'],
    ['a string', 'config', '(top level): expected an object, got the string "config"'],
  ])('reports a top level that is %s', (_, value, problem) => {
    expect(problemsOf(value)).toEqual([problem]);
  });

  it('takes an empty object: with Gmail, you and your interviews are found in the mail', () => {
    const result = validateConfig({}, OPTIONS);
    expect(result.ok && result.config.interviews).toEqual([]);
    expect(result.ok && result.config.me).toEqual({ emails: [] });
  });
});
