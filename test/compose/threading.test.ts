import { describe, expect, it } from 'vitest';
import { newThreadSubject, replyHeaders, replySubject, subjectFor } from '../../src/compose/threading.ts';
import { anAction, anInterview } from '../report/decision-builder.ts';

describe('replySubject (never "Re: Re:")', () => {
  it.each([
    ['Interview next steps', 'Re: Interview next steps'],
    ['Re: Interview next steps', 'Re: Interview next steps'],
    ['RE: Interview next steps', 'RE: Interview next steps'],
    ['re: interview', 're: interview'],
    ['Re : spaced', 'Re : spaced'],
    ['Fwd: Your application', 'Re: Fwd: Your application'],
    ['Regarding your application', 'Re: Regarding your application'],
    ['  Folded\r\n subject  ', 'Re: Folded subject'],
  ])('%j → %j', (parent, expected) => {
    expect(replySubject(parent)).toBe(expected);
  });
});

describe('replyHeaders (RFC 5322 §3.6.4)', () => {
  it('appends the parent Message-ID to its References', () => {
    const headers = replyHeaders({ threadId: 't', messageId: '<c@x>', references: ['<a@x>', '<b@x>'], inReplyTo: '<b@x>', subject: 's' });
    expect(headers).toEqual({ inReplyTo: '<c@x>', references: ['<a@x>', '<b@x>', '<c@x>'] });
  });

  it('uses In-Reply-To when the parent has no References', () => {
    const headers = replyHeaders({ threadId: 't', messageId: '<c@x>', references: [], inReplyTo: '<b@x>', subject: 's' });
    expect(headers).toEqual({ inReplyTo: '<c@x>', references: ['<b@x>', '<c@x>'] });
  });

  it('starts a chain when the parent is the first message', () => {
    expect(replyHeaders({ threadId: 't', messageId: '<a@x>', references: [], subject: 's' })).toEqual({
      inReplyTo: '<a@x>',
      references: ['<a@x>'],
    });
  });

  it('leaves out In-Reply-To when the parent has no Message-ID', () => {
    const headers = replyHeaders({ threadId: 't', references: ['<a@x>'], subject: 's' });
    expect(headers).toEqual({ references: ['<a@x>'] });
  });

  it('drops ids that are not msg-ids, so a hostile header cannot inject lines', () => {
    const headers = replyHeaders({
      threadId: 't',
      messageId: '<c@x>\r\nBcc: evil@example.com',
      references: ['<a@x>', 'garbage', '<b@x> <d@x>'],
      subject: 's',
    });
    expect(headers).toEqual({ references: ['<a@x>'] });
  });

  it('keeps the root and the newest ids of a very long chain, ending with the parent', () => {
    const references = Array.from({ length: 100 }, (_, i) => `<m${i}@x>`);
    const headers = replyHeaders({ threadId: 't', messageId: '<last@x>', references, subject: 's' });
    expect(headers.references).toHaveLength(30);
    expect(headers.references[0]).toBe('<m0@x>');
    expect(headers.references.at(-2)).toBe('<m99@x>');
    expect(headers.references.at(-1)).toBe('<last@x>');
  });
});

describe('subjectFor', () => {
  const interview = anInterview();

  it.each([
    ['thank-you', 'Thank you — Backend Engineer interview'],
    ['check-in', 'Following up: Backend Engineer at Acme'],
    ['rejection-reply', 'Thank you for letting me know'],
  ] as const)('a new %s thread gets a clear subject', (kind, expected) => {
    expect(newThreadSubject(kind, interview)).toBe(expected);
    expect(subjectFor(anAction({ kind }), interview)).toBe(expected);
  });

  it('a reply takes the parent subject, and a new-thread subject when the parent has none', () => {
    const parent = { threadId: 't', references: [], subject: 'Your interview' };
    expect(subjectFor(anAction({ parent }), interview)).toBe('Re: Your interview');
    expect(subjectFor(anAction({ parent: { ...parent, subject: ' ' } }), interview)).toBe(
      'Thank you — Backend Engineer interview',
    );
  });
});
