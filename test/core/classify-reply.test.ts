import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../src/core/classify-reply.ts';

// Real-world wording, including polite rejections that never say "reject" (R7).
describe('R7 classifyReply', () => {
  it.each([
    ['After careful consideration, we have decided to move forward with other candidates whose experience more closely matches our needs.', 'rejection'],
    ['Thank you for taking the time to interview with us. Unfortunately, we will not be moving forward with your application at this time.', 'rejection'],
    ['We were impressed by your background, but we have decided to pursue other candidates for this role.', 'rejection'],
    ['I wanted to let you know that the position has been filled. We will keep your resume on file for future openings.', 'rejection'],
    ['We regret to inform you that you have not been selected for the next stage.', 'rejection'],
    ['While we enjoyed our conversations, we have decided not to proceed with your candidacy.', 'rejection'],
    ['The team has decided to go in a different direction for this role. We wish you the best in your search.', 'rejection'],
    ['We have chosen to move forward with a more experienced candidate.', 'rejection'],
    ['Unfortunately we are unable to offer you the position at this time.', 'rejection'],
    ['We are thrilled to extend you an offer to join Acme as a Backend Engineer! The offer letter is attached.', 'offer'],
    ["We'd like to offer you the position. Let's find a time to talk through details.", 'offer'],
    ['Great news: the team would like to invite you to the final round. Please share your availability for next week.', 'next-round'],
    ['We would love to move you forward to the onsite interview. Pick a time here: https://calendly.com/acme/onsite', 'next-round'],
    ["We'd like to move forward with your application and schedule a call with our CTO.", 'next-round'],
    ['Could you send over two references when you get a chance?', 'question'],
    ['Thanks Alex, it was great meeting you! We are still interviewing and expect to decide soon.', 'neutral'],
    ['Thank you for your note. We will be in touch. Details: https://acme.com/jobs?id=12', 'neutral'],
  ] as const)('%s → %s', (text, kind) => {
    expect(classifyReply('Re: Backend Engineer interview', text)).toBe(kind);
  });

  it('reads only the new text, not my quoted message below it', () => {
    const text = 'Thanks, we will get back to you next week.\n\nOn Wed, Nov 18, 2026 at 3:00 PM Alex Doe <alex@example.com> wrote:\n> Could you tell me about the next steps?\n> Would you have time for another call?';
    expect(classifyReply('Re: Thank you', text)).toBe('neutral');
  });
});

describe('R7 calendar invitations', () => {
  it('an invitation from the company after the interview is about a next round', () => {
    expect(classifyReply('Invitation: Alex Doe / Acme @ Tue Dec 1, 2026 10am - 11am (EST)', 'You have been invited to the following event.')).toBe('next-round');
  });
});
