// JSONC (comments, trailing commas) via jsonc-parser; syntax errors become
// `line L, column C: <what>` so the user can find them in any editor.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type JsoncResult = { ok: true; value: unknown } | { ok: false; problems: string[] };

const WHAT: Readonly<Record<string, string>> = {
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected a colon',
  CommaExpected: 'expected a comma',
  CloseBraceExpected: 'expected a closing brace }',
  CloseBracketExpected: 'expected a closing bracket ]',
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

export function parseJsonc(text: string): JsoncResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return { ok: false, problems: ['the file is empty'] };
  const errors: ParseError[] = [];
  const value: unknown = parse(source, errors, { allowTrailingComma: true, disallowComments: false });
  // Only the first error: after it the parser's recovery guesses, and what follows is mostly noise
  // (an unquoted key yields three errors).
  const [first] = errors;
  if (!first) return { ok: true, value };
  return { ok: false, problems: [describeSyntaxError(source, first)] };
}

function describeSyntaxError(text: string, error: ParseError): string {
  const { line, column } = lineAndColumn(text, error.offset);
  const code = printParseErrorCode(error.error);
  return `line ${line}, column ${column}: ${code === 'InvalidSymbol' ? unexpected(text, error) : (WHAT[code] ?? code)}`;
}

function unexpected(text: string, error: ParseError): string {
  const found = text.slice(error.offset, error.offset + Math.min(error.length, 20));
  const hint = /^['A-Za-z_]/.test(found) ? '; keys and strings need double quotes' : '';
  return `unexpected ${JSON.stringify(found)}${hint}`;
}

/** 1-based, counting UTF-16 code units as editors do. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i !== -1; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: offset - lineStart + 1 };
}
