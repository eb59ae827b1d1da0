// iCalendar content lines (RFC 5545 §3.1): unfolding, NAME;PARAM=…:VALUE, and TEXT unescaping.
// Our own reader, not node-ical's: node-ical splits parameters at a ";" inside quotes (CN="Doe; A"),
// turns CN=12345 into a number, strips quotes around a whole value and unescapes "\\n" as a
// newline; every value here comes back exactly as RFC 5545 defines it.

export interface ContentLine {
  /** Upper-cased property name. */
  name: string;
  /** Upper-cased parameter name → value: quotes removed, RFC 6868 ^-escapes decoded, a list joined by ",". */
  params: ReadonlyMap<string, string>;
  /** The value as written (still escaped, for TEXT values). */
  value: string;
}

const NAME = /^[A-Za-z0-9-]+/;
const PARAM_NAME = /^[A-Za-z0-9-]+$/;

/** The logical lines: a line break followed by one space or tab continues the line before (§3.1).
 *  Bare LF and CR line ends are accepted too, as real senders use them. */
export function unfoldLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\n|\r/)) {
    const continues = (line.startsWith(' ') || line.startsWith('\t')) && lines.length > 0;
    if (continues) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  return lines;
}

/** One content line, or undefined when the line is not one (stray text some senders leave). */
export function parseContentLine(line: string): ContentLine | undefined {
  const name = NAME.exec(line)?.[0];
  if (name === undefined) return undefined;
  const params = new Map<string, string>();
  let at = name.length;
  while (line[at] === ';') {
    const parsed = readParam(line, at + 1);
    if (parsed === undefined) return undefined;
    if (!params.has(parsed.name)) params.set(parsed.name, parsed.value);
    at = parsed.end;
  }
  if (line[at] !== ':') return undefined;
  return { name: name.toUpperCase(), params, value: line.slice(at + 1) };
}

/** NAME=value[,value…] starting at `start`; values are quoted ("…") or end at ; : or , (§3.2). */
function readParam(line: string, start: number): { name: string; value: string; end: number } | undefined {
  const equals = line.indexOf('=', start);
  if (equals === -1) return undefined;
  const name = line.slice(start, equals);
  if (!PARAM_NAME.test(name)) return undefined;
  const values: string[] = [];
  let at = equals + 1;
  for (;;) {
    if (line[at] === '"') {
      const close = line.indexOf('"', at + 1);
      if (close === -1) return undefined;
      values.push(line.slice(at + 1, close));
      at = close + 1;
    } else {
      let end = at;
      while (end < line.length && line[end] !== ';' && line[end] !== ':' && line[end] !== ',') end++;
      values.push(line.slice(at, end));
      at = end;
    }
    if (line[at] !== ',') break;
    at++;
  }
  return { name: name.toUpperCase(), value: values.map(decodeCaret).join(','), end: at };
}

/** RFC 6868: ^n is a newline, ^' a double quote, ^^ a caret. */
function decodeCaret(value: string): string {
  if (!value.includes('^')) return value;
  return value.replace(/\^([n'^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}

/** A TEXT value unescaped (§3.3.11) in one pass, so "\\n" is a backslash and an n, not a newline. */
export function unescapeText(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([\\;,:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
