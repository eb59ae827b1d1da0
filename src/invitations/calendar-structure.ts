import ICAL from 'ical.js';
import { MAX_CALENDAR_EVENTS, MAX_COMPONENT_DEPTH, MAX_LINE_PARAMETERS } from './calendar-limits.ts';

// What ical.js's parser does not check: that each BEGIN:x is closed by its own END:x (RFC 5545 §3.4,
// §3.6). ICAL.parse closes whatever component is open at any END, so END:VTODO ends a VEVENT, and a
// stray END:VEVENT ends it early and hands the rest of its properties to the VCALENDAR; it only
// notices a part that stops before its last END. A truncated or mis-nested part (a cut-off download,
// a gateway that clipped it) is refused here instead, on the very lines ical.js will read (its own
// unfolding, ICAL.parse._eachLine), which also counts the VEVENTs a folded BEGIN hid from the
// cheap count and bounds the nesting. It also bounds the parameters of a line: ical.js looks for
// the value's ":" from every parameter anew, so 200,000 of them in a 1 MB line take it seconds.

/** Why the text is no well-formed iCalendar stream, or undefined when it is one. */
export function structureProblem(text: string): string | undefined {
  const open: string[] = [];
  let line = 0;
  let events = 0;
  let calendars = 0;
  let problem: string | undefined;
  ICAL.parse._eachLine(text, (_error, content) => {
    line++;
    if (problem === undefined && parameterCount(content) > MAX_LINE_PARAMETERS) {
      problem = `line ${line} has more than ${MAX_LINE_PARAMETERS} parameters`;
    }
    // ical.js reads BEGIN/END only without parameters, and compares the name as written.
    const match = problem === undefined ? /^(BEGIN|END):(.*)$/i.exec(content) : null;
    if (match === null) return;
    const name = (match[2] ?? '').toUpperCase();
    const shown = name.trim().slice(0, 40);
    if ((match[1] ?? '').toUpperCase() === 'BEGIN') {
      if (open.length >= MAX_COMPONENT_DEPTH) problem = `components nest deeper than ${MAX_COMPONENT_DEPTH}`;
      else if (name === 'VEVENT' && ++events > MAX_CALENDAR_EVENTS) problem = `more than ${MAX_CALENDAR_EVENTS} events`;
      if (open.length === 0 && name === 'VCALENDAR') calendars++;
      open.push(name);
    } else if (open.length === 0) {
      problem = `END:${shown} on line ${line} closes nothing`;
    } else if (open[open.length - 1] !== name) {
      problem = `END:${shown} on line ${line} does not close BEGIN:${(open[open.length - 1] ?? '').trim().slice(0, 40)}`;
    } else {
      open.pop();
    }
  });
  if (problem !== undefined) return problem;
  if (open.length > 0) return `it ends inside ${(open[open.length - 1] ?? '').trim().slice(0, 40)} (cut off?)`;
  return calendars === 0 ? 'it has no VCALENDAR' : undefined;
}

/** The ";" before the first ":" of a line: at least its parameters as ical.js splits them. */
function parameterCount(content: string): number {
  const colon = content.indexOf(':');
  const end = colon === -1 ? content.length : colon;
  let count = 0;
  for (let at = content.indexOf(';'); at !== -1 && at < end; at = content.indexOf(';', at + 1)) count++;
  return count;
}
