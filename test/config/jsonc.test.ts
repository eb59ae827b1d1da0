import { describe, expect, it } from 'vitest';
import { lineAndColumn, parseJsonc } from '../../src/config/jsonc.ts';

describe('parseJsonc', () => {
  it('accepts line and block comments and trailing commas', () => {
    const text = '// head\n{\n  /* block */ "a": [1, 2,],\n  "b": { "c": true, }, // tail\n}\n';
    expect(parseJsonc(text)).toEqual({ ok: true, value: { a: [1, 2], b: { c: true } } });
  });

  it('ignores a byte-order mark', () => {
    expect(parseJsonc('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', ['line 3, column 3: expected a comma']],
    ['a missing value', '{\n  "a": ,\n}', ['line 2, column 8: expected a value']],
    ['an unquoted key', '{\n  a: 1\n}', ['line 2, column 3: unexpected "a"; keys and strings need double quotes']],
    ['single quotes', "{ 'a': 1 }", ['line 1, column 3: unexpected "\'a\'"; keys and strings need double quotes']],
    ['a stray character', '{ "a": 1 # }', ['line 1, column 10: unexpected "#"']],
    ['a missing property name', '{ "a": 1, : 2 }', ['line 1, column 11: expected a property name in double quotes']],
    ['an unclosed object', '{\n  "a": 1\n', ['line 3, column 1: expected a closing brace }']],
    ['an unterminated string', '{ "a": "x\n}', ['line 1, column 8: unterminated string']],
    ['an unterminated comment', '{ "a": 1 } /* never closed', ['line 1, column 12: unterminated comment']],
    ['a CRLF file', '{\r\n  "a": 1\r\n  "b": 2\r\n}', ['line 3, column 3: expected a comma']],
    ['only the first of two mistakes', '{\n  "a": 1\n  "b": \n}', ['line 3, column 3: expected a comma']],
    ['an empty file', ' \n', ['the file is empty']],
  ])('reports %s with line and column', (_, text, problems) => {
    expect(parseJsonc(text)).toEqual({ ok: false, problems });
  });
});

describe('lineAndColumn', () => {
  it.each([
    [0, { line: 1, column: 1 }],
    [2, { line: 1, column: 3 }],
    [3, { line: 2, column: 1 }],
    [8, { line: 3, column: 2 }],
  ])('offset %i', (offset, expected) => {
    expect(lineAndColumn('ab\ncde\nfg', offset)).toEqual(expected);
  });
});
