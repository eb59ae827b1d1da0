import { describe, expect, it } from 'vitest';
import { titleParts } from '../../../src/core/discovery/title-parts.ts';
import { findInterviewWord } from '../../../src/core/discovery/interview-words.ts';

// Everyone invited, and me, as discovery passes them: names and names guessed from addresses.
const PEOPLE = ['Alex Doe', 'Alex Doe', 'Jane Smith', 'Bob Lee'];

describe('company and role: from the title when it says', () => {
  it.each([
    // Google Calendar, typed by a recruiter
    ['Interview with Acme Corp: Backend Engineer', 'Acme Corp', 'Backend Engineer'],
    ['Interview with Acme', 'Acme', undefined],
    // Teams
    ['Hooli | Site Reliability Engineer — Final round', 'Hooli', 'Site Reliability Engineer'],
    ['Acme | Backend Engineer — Onsite', 'Acme', 'Backend Engineer'],
    // Outlook
    ['Acme Corp: Backend Engineer interview', 'Acme Corp', 'Backend Engineer'],
    ['Backend Engineer Interview - Acme', 'Acme', 'Backend Engineer'],
    ['Interview: Backend Engineer - Alex Doe', undefined, 'Backend Engineer'],
    // Greenhouse / GoodTime
    ['Onsite Interview — Wonka Industries', 'Wonka Industries', undefined],
    ['Alex Doe - Senior Backend Engineer - Technical Interview (Initech)', 'Initech', 'Senior Backend Engineer'],
    ['Phone Screen: Alex Doe <> Initech', 'Initech', undefined],
    // Zoom
    ['Conversation with Umbrella', 'Umbrella', undefined],
    // Calendly
    ['Acme <> Alex Doe', 'Acme', undefined],
    ['Alex Doe and Jane Smith', undefined, undefined],
    ['Intro call with Jane Smith', undefined, undefined],
    // A job title and a company in one part
    ['Interview for Backend Engineer at Acme', 'Acme', 'Backend Engineer'],
    ['Interview with Jane from Globex', 'Globex', undefined],
    ['Initech - Interview - Staff Engineer (Remote)', 'Initech', 'Staff Engineer'],
  ])('%s → company %s, role %s', (title, company, role) => {
    expect(titleParts(title, PEOPLE)).toEqual({ ...(company ? { company } : {}), ...(role ? { role } : {}) });
  });

  it.each([
    ['Phone Screen'],
    ['Technical interview'],
    ['Interview'],
    ['Weekly sync'],
    ['Coffee chat - Jane'],
    ['Lunch'],
    ['Onsite interview - Nov 18'],
    ['Interview at 10am'],
    ['Interview with Alex Doe'],
  ])('%s → nothing said about the company', (title) => {
    expect(titleParts(title, PEOPLE).company).toBeUndefined();
  });

  it('does not take a lone title for a company: "Acme" alone could be anything', () => {
    expect(titleParts('Acme', PEOPLE)).toEqual({});
  });
});

describe('the title (SUMMARY) or DESCRIPTION speaks of an interview', () => {
  it.each([
    ['Technical interview', 'interview'],
    ['Phone Screen with Acme', 'Phone Screen'],
    ['Recruiter screening', 'Recruiter screening'],
    ['Onsite — Hooli', 'Onsite'],
    ['On-site loop', 'On-site'],
    ['Technical assessment', 'Technical assessment'],
    ['Hiring Manager chat', 'Hiring Manager'],
    ['Conversation with Umbrella', 'Conversation with'],
    ['Panel', 'Panel'],
    ['Final round', 'Final round'],
    ['Round 2', 'Round 2'],
    ['Coding exercise', 'Coding'],
    ['System Design', 'System Design'],
    ['Pair programming', 'Pair programming'],
    ['Take-home review', 'Take-home'],
    ['Behavioral', 'Behavioral'],
    ['Meet the team', 'Meet the team'],
  ])('title %j → %j', (summary, phrase) => {
    expect(findInterviewWord(summary, '')).toEqual({ where: 'title', phrase });
  });

  it.each([
    ['Quarterly business review'],
    ['Interviewee-free zone'.replace('Interviewee', 'Intervieweeish')],
    ['Screen share demo'],
    ['Screenshots review'],
    ['Technical debt'],
    ['Sync about the Screenplay'],
    ['Design review'],
  ])('title %j → no interview word (word boundaries)', (summary) => {
    expect(findInterviewWord(summary, '')).toBeUndefined();
  });

  it('reads the description when the title says nothing, and only its first 10 000 characters', () => {
    expect(findInterviewWord('Acme + Alex', 'Hi Alex,\nthis is your phone screen with Jane.')).toEqual({ where: 'description', phrase: 'phone screen' });
    expect(findInterviewWord('Acme + Alex', `${'Join Zoom Meeting '.repeat(600)} interview`)).toBeUndefined();
  });

  it('stays fast on a hostile description (no catastrophic backtracking)', () => {
    const hostile = `${'screen '.repeat(2000)}${'a'.repeat(50_000)}`;
    expect(findInterviewWord('x', hostile)).toEqual({ where: 'description', phrase: 'screen' });
    expect(titleParts(`${'with '.repeat(200)}Acme`, PEOPLE)).toBeDefined();
  });
});
