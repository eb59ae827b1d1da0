import { describe, expect, it } from 'vitest';
import { fnv1a32, fnv1aHex } from '../../../src/core/discovery/fnv1a.ts';
import { nameFromAddress, nameFromCn } from '../../../src/core/discovery/name-from-address.ts';
import { companyFromDomain, registrableLabel } from '../../../src/core/discovery/company-from-domain.ts';
import { oneLine, quoted } from '../../../src/core/discovery/clean-text.ts';
import { isRobotAddress, schedulingSystemOf } from '../../../src/core/discovery/scheduling-systems.ts';

describe('the hash: FNV-1a, 32 bits, written here (no node:crypto in core)', () => {
  it.each([
    // Reference values from the FNV authors' test suite (http://www.isthe.com/chongo/src/fnv/test_fnv.c).
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('fnv1a32(%j) = %s', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });

  it('hashes UTF-8 bytes, not UTF-16 code units, and pads to 8 hex digits', () => {
    // "é" is the bytes C3 A9 in UTF-8 (hashed: 1e9de8c1), the single unit E9 in UTF-16 (6c0b6c44).
    expect(fnv1aHex('é')).toBe('1e9de8c1');
    expect(fnv1aHex('')).toBe('811c9dc5');
    expect(fnv1aHex('x')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('names from CN, else from the address ("jane.smith@acme.com" → "Jane Smith")', () => {
  it.each([
    ['jane.smith@acme.com', 'Jane Smith'],
    ['JANE_SMITH@acme.com', 'Jane Smith'],
    ['jane.smith42@acme.com', 'Jane Smith'],
    ['jane+interviews@acme.com', 'Jane'],
    ['mary-jane.watson@acme.com', 'Mary-Jane Watson'],
    ['jsmith@acme.com', 'Jsmith'],
    ['12345@acme.com', '12345'],
  ])('%s → %s', (email, name) => {
    expect(nameFromAddress(email)).toBe(name);
  });

  it.each([
    ['Jane Smith', 'Jane Smith'],
    ['"Jane Smith"', 'Jane Smith'],
    ['  Jane\u202e Smith ', 'Jane Smith'],
    ['jane.smith@acme.com', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('CN %j → %j', (cn, name) => {
    expect(nameFromCn(cn)).toBe(name);
  });
});

describe('company from the domain: the registrable label before the public suffix', () => {
  it.each([
    ['acme-corp.com', 'acme-corp', 'Acme Corp'],
    ['acme.com', 'acme', 'Acme'],
    ['careers.acme.co.uk', 'acme', 'Acme'],
    ['acme.co.uk', 'acme', 'Acme'],
    ['mail.initech.com.au', 'initech', 'Initech'],
    ['hooli.co.jp', 'hooli', 'Hooli'],
    ['umbrella.com.br', 'umbrella', 'Umbrella'],
    ['wonka.co.in', 'wonka', 'Wonka'],
    ['eng.stark-industries.io', 'stark-industries', 'Stark Industries'],
    ['co.uk', 'co', 'Co'],
    ['localhost', 'localhost', 'Localhost'],
  ])('%s → %s → %s', (domain, label, company) => {
    expect(registrableLabel(domain)).toBe(label);
    expect(companyFromDomain(domain)).toBe(company);
  });
});

describe('untrusted text is shown on one line, without control or bidi characters', () => {
  it.each([
    ['Technical\ninterview', 'Technical interview'],
    ['Inter\u202eview', 'Inter view'],
    ['a\u0000b', 'a b'],
  ])('%j → %j', (text, clean) => {
    expect(oneLine(text)).toBe(clean);
  });

  it('shortens long text with an ellipsis', () => {
    expect(quoted('x'.repeat(200), 10)).toBe(`“${'x'.repeat(9)}…”`);
  });
});

describe('ATS and scheduling robots are not "someone at the company"', () => {
  it.each([
    ['no-reply@greenhouse.io', true],
    ['scheduling@goodtime.io', true],
    ['jane@calendly.com', true],
    ['notifications@mail.modernloop.io', true],
    ['noreply@acme-corp.com', true],
    ['scheduling@acme-corp.com', true],
    ['c_1887abc@resource.calendar.google.com', true],
    ['team_abc@group.calendar.google.com', true],
    ['jane.smith@acme-corp.com', false],
    ['recruiter@acme-corp.com', false],
  ])('%s → robot %s', (email, robot) => {
    expect(isRobotAddress(email)).toBe(robot);
  });

  it.each([
    ['x@goodtime.io', 'GoodTime'],
    ['x@mail.calendly.com', 'Calendly'],
    ['paradox.ai', 'Paradox'],
    ['x@greenhouse.io', undefined],
  ])('%s → %s', (address, name) => {
    expect(schedulingSystemOf(address)?.name).toBe(name);
  });
});
