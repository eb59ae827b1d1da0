import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { decodeActionKey, encodeActionKey } from '../../src/draft-mark/marker-header.ts';
import { composeDraft } from '../../src/compose/compose-draft.ts';
import { aMe, anAction, anInterview } from '../report/decision-builder.ts';

describe('action key header value', () => {
  it.each([
    ['acme-backend:thank-you:jane@acme.com', 'acme-backend:thank-you:jane@acme.com'],
    ['a b', 'a%20b'],
    ['100%', '100%25'],
    ['josé', 'jos%C3%A9'],
  ])('%j is written as %j', (key, value) => {
    expect(encodeActionKey(key)).toBe(value);
    expect(decodeActionKey(value)).toBe(key);
  });

  it('round-trips any key as printable ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (key) => {
        const value = encodeActionKey(key);
        expect(value).toMatch(/^[\x21-\x7e]*$/);
        expect(decodeActionKey(value) ?? '').toBe(key);
      }),
    );
  });

  it('rejects a value that is not percent-encoding', () => {
    expect(decodeActionKey('%E0%A4%A')).toBeUndefined();
    expect(decodeActionKey('  ')).toBeUndefined();
    expect(decodeActionKey(undefined)).toBeUndefined();
  });

  it('survives a long non-ASCII key through MIME and mailparser', async () => {
    const key = `interview-über-lang:${'x'.repeat(150)}:zoë@example.com`;
    const draft = await composeDraft({
      action: anAction({ key }),
      interview: anInterview(),
      me: aMe(),
      timezone: 'Europe/Berlin',
    });
    const parsed = await simpleParser(draft.raw);
    expect(decodeActionKey(String(parsed.headers.get('x-interview-followup')))).toBe(key);
  });
});
