import { describe, expect, it } from 'vitest';
import { contentHashOf } from '../../src/draft-mark/content-hash.ts';

const base = {
  to: [{ email: 'jane@acme.com' }, { email: 'bob@acme.com' }],
  subject: 'Re: Interview',
  text: 'Dear Jane,\n\nThank you.\n\nAlex',
};

describe('contentHashOf', () => {
  it('is a sha256 hex digest and stable across calls', () => {
    expect(contentHashOf(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHashOf(base)).toBe(contentHashOf({ ...base }));
  });

  it('ignores recipient order and case, line endings, trailing spaces and blank edges', () => {
    const same = {
      to: ['BOB@acme.com', { email: 'Jane@Acme.com ' }],
      cc: [],
      subject: '  Re:   Interview ',
      text: '\r\nDear Jane,  \r\n\r\nThank you.\t\r\n\r\nAlex\r\n\r\n',
    };
    expect(contentHashOf(same)).toBe(contentHashOf(base));
  });

  it.each([
    ['the text', { text: 'Dear Jane,\n\nThank you so much.\n\nAlex' }],
    ['a paragraph break', { text: 'Dear Jane,\nThank you.\n\nAlex' }],
    ['the subject', { subject: 'Re: Interview on Tuesday' }],
    ['a recipient', { to: [{ email: 'jane@acme.com' }] }],
    ['a cc', { cc: [{ email: 'boss@acme.com' }] }],
    ['a recipient moved to cc', { to: [{ email: 'jane@acme.com' }], cc: [{ email: 'bob@acme.com' }] }],
  ])('changes when the user edits %s', (_what, edit) => {
    expect(contentHashOf({ ...base, ...edit })).not.toBe(contentHashOf(base));
  });
});
