// Edits to the user's config file that keep every comment, the order and the formatting of what
// is there: jsonc-parser finds where an array ends; only the new element's own lines are written.
import { applyEdits, findNodeAtLocation, modify, parseTree, type JSONPath, type Node } from 'jsonc-parser';

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' } as const;

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The value as JSON, indented to sit at `indent` (its first line is not indented). */
function indented(value: unknown, indent: string, eol: string): string {
  return JSON.stringify(value, null, 2).split('\n').join(`${eol}${indent}`);
}

function appendToExisting(text: string, array: Node, value: unknown): string {
  const eol = eolOf(text);
  const elements = array.children ?? [];
  const last = elements.at(-1);
  if (last === undefined) {
    const outer = lineIndent(text, array.offset);
    const inner = `${outer}  `;
    const insert = `[${eol}${inner}${indented(value, inner, eol)}${eol}${outer}]`;
    return text.slice(0, array.offset) + insert + text.slice(array.offset + array.length);
  }
  // New line, same indentation as the last element; any trailing comma after it stays after ours.
  const indent = lineIndent(text, last.offset);
  const end = last.offset + last.length;
  return `${text.slice(0, end)},${eol}${indent}${indented(value, indent, eol)}${text.slice(end)}`;
}

/** Appends `value` to the array at `path`, creating the array (and its parents) when missing. */
export function appendToArray(text: string, path: JSONPath, value: unknown): string {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = tree && findNodeAtLocation(tree, path);
  if (node?.type === 'array') return appendToExisting(text, node, value);
  const edits = modify(text, path, [value], { formattingOptions: { ...FORMAT, eol: eolOf(text) } });
  return applyEdits(text, edits);
}
