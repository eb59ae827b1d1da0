// The one description of the config file: validation uses it, and scripts/write-schema.ts turns it
// into config.schema.json for editors. Refinements (time zone) are checked here but cannot be
// expressed in JSON Schema; checks across fields (duplicate ids) live in validate.ts.
import * as z from 'zod';
import { DEFAULT_POLICY } from '../core/types.ts';
import { isIanaTimeZone } from './time-zone.ts';

// No regex flags: JSON Schema patterns cannot carry them, and editors must accept what the code does.
const DOMAIN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const INTERVIEW_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const email = z.email();
const name = z.string().trim().min(1);
const day = z.iso.date();

const interviewerSchema = z
  .strictObject({
    name: name.describe('Full name, as you would address them ("Jane Smith").'),
    email: email.describe('Their e-mail address.'),
    topics: z
      .array(name)
      .default([])
      .describe('What you talked about with them; the thank-you draft refers to these.'),
  })
  .describe('Someone who interviewed you. Each gets a personal thank-you.');

const contactSchema = z
  .union(
    [
      email,
      z.strictObject({
        name: name.optional().describe('Their name.'),
        email: email.describe('Their e-mail address.'),
      }),
    ],
    { error: 'must be an e-mail address or an object { "name", "email" }' },
  )
  .describe(
    'Who gets the check-in: an e-mail address or { "name", "email" }. Default: the first interviewer.',
  );

const interviewSchema = z
  .strictObject({
    id: z
      .string()
      .regex(INTERVIEW_ID, {
        error: 'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit',
      })
      .describe('A short unique name, like "acme-backend". Never change it: drafts are remembered by it.'),
    company: name.describe('The company name, as it appears in its mail.'),
    role: name.optional().describe('The job title you interviewed for. Without it, drafts say "the role".'),
    start: z.iso
      .datetime({ offset: true })
      .describe('When the interview started: ISO 8601 with an offset, like 2026-11-18T10:00:00-05:00.'),
    durationMinutes: z.int().min(1).default(60).describe('How long it lasted, in minutes.'),
    interviewers: z.array(interviewerSchema).min(1).describe('Everyone who interviewed you.'),
    domains: z
      .array(z.string().regex(DOMAIN, { error: 'is not a domain name, like acme.com' }))
      .optional()
      .describe('Mail domains of the company. Default: the interviewers\' domains, minus public mail providers.'),
    contact: contactSchema.optional(),
    decisionExpected: day
      .optional()
      .describe('YYYY-MM-DD: the day they said they would be in touch. The check-in waits until after it.'),
    invite: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .optional()
      .describe('The UID of the calendar invitation this interview came from (`followup interviews add` writes it): links the two, so the one found in the mail is not listed again.'),
  })
  .describe('One interview (each round of a process is its own interview).');

const policySchema = z
  .strictObject({
    thankYouCutoffHour: z
      .int()
      .min(0)
      .max(23)
      .default(DEFAULT_POLICY.thankYouCutoffHour)
      .describe('R1: starting before this hour, the thank-you is due that day; otherwise by the end of the next.'),
    thankYouDraftDays: z
      .int()
      .min(0)
      .default(DEFAULT_POLICY.thankYouDraftDays)
      .describe('R2: a missing thank-you is drafted while at most this many days have passed since the interview.'),
    checkInBusinessDays: z
      .int()
      .min(1)
      .default(DEFAULT_POLICY.checkInBusinessDays)
      .describe('R4: business days after your thank-you (or their last message) before a check-in is due.'),
    goneQuietDays: z
      .int()
      .min(1)
      .default(DEFAULT_POLICY.goneQuietDays)
      .describe('R6: days of silence after your last message before the tool stops drafting.'),
    holidays: z
      .array(day)
      .default(DEFAULT_POLICY.holidays)
      .describe('Days (YYYY-MM-DD) that are not business days.'),
  })
  .prefault({})
  .describe('Overrides of the follow-up rules\' constants.');

const discoverySchema = z
  .strictObject({
    mode: z
      .enum(['auto', 'suggest', 'off'])
      .default('auto')
      .describe('auto: interviews found in calendar invitations are followed up like configured ones; suggest: they are only listed (add them with `followup interviews add`); off: only configured interviews.'),
    ignore: z
      .array(z.string().trim().min(1))
      .default([])
      .describe('Ids or invitation UIDs of found interviews to leave alone (`followup interviews ignore` adds to it).'),
    ignoreDomains: z
      .array(z.string().regex(DOMAIN, { error: 'is not a domain name, like acme.com' }))
      .default([])
      .describe('Invitations involving these domains are never interviews (a club, a client, a former employer).'),
    days: z.int().min(1).max(365).default(90).describe('How far back to look for invitations, in days.'),
  })
  .prefault({})
  .describe('Finding interviews from the calendar invitations in your mail.');

const gmailSchema = z
  .strictObject({
    quotaUnitsPerMinute: z
      .int()
      .min(1)
      .default(6000)
      .describe('Gmail quota units a minute per user: 6000 for Cloud projects made since May 2026, else 15000.'),
    maxConcurrency: z
      .int()
      .min(1)
      .default(5)
      .describe('Most Gmail requests in flight at once (Gmail refuses too many concurrent requests per user).'),
  })
  .prefault({})
  .describe('Gmail API settings for `followup run --gmail`.');

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Where editors find this file\'s JSON Schema.'),
    me: z
      .strictObject({
        name: name.optional().describe('Your name, used to sign drafts. Default with Gmail: the name on your Gmail account.'),
        emails: z
          .array(email)
          .default([])
          .describe('Every address you send from; mail from these is yours. With Gmail, your account and its send-as aliases are added; with --mbox, give at least one.'),
        phone: name.max(40).optional().describe('A phone number to sign drafts with, so they can call you (S0, S1, S3).'),
      })
      .prefault({})
      .describe('You.'),
    timezone: z
      .string()
      .refine(isIanaTimeZone, { error: (issue) => `${JSON.stringify(issue.input)} is not an IANA time zone` })
      .optional()
      .describe('Your IANA time zone, like America/New_York. Default: the system time zone.'),
    interviews: z
      .array(interviewSchema)
      .default([])
      .describe('Interviews you type in yourself. Most are found in your mail from their calendar invitations (see discovery); a configured one wins over the one found.'),
    policy: policySchema,
    discovery: discoverySchema,
    gmail: gmailSchema,
  })
  .meta({
    title: 'interview-followup config',
    description: 'Configuration of interview-followup (JSONC: comments allowed).',
  });

export type ParsedConfig = z.output<typeof configSchema>;
