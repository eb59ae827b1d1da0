import { MAX_CALENDAR_EVENTS, MAX_COMPONENT_DEPTH } from './calendar-limits.ts';
import { parseContentLine, type ContentLine } from './ics-lines.ts';

// The component tree of an iCalendar stream (RFC 5545 §3.4, §3.6): every BEGIN must be closed by
// its END, so a truncated part (a cut-off download, a mail gateway that clipped it) is refused
// instead of being read as far as it goes.

export interface IcsComponent {
  /** Upper-cased: VCALENDAR, VEVENT, VTIMEZONE, STANDARD, DAYLIGHT, VALARM … */
  name: string;
  properties: ContentLine[];
  components: IcsComponent[];
}

export type ComponentsRead = { ok: true; calendars: IcsComponent[] } | { ok: false; reason: string };

/** The VCALENDAR objects of the logical (unfolded) lines. */
export function readCalendars(lines: readonly string[]): ComponentsRead {
  const root: IcsComponent = { name: '', properties: [], components: [] };
  const open: IcsComponent[] = [root];
  let events = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = parseContentLine(lines[index] ?? '');
    // Stray text that is no content line (an unescaped line break in a DESCRIPTION) is skipped.
    if (line === undefined) continue;
    const current = open[open.length - 1] as IcsComponent;
    if (line.name === 'BEGIN') {
      const component: IcsComponent = { name: componentName(line), properties: [], components: [] };
      if (open.length > MAX_COMPONENT_DEPTH) return refuse(`components nest deeper than ${MAX_COMPONENT_DEPTH}`);
      if (component.name === 'VEVENT' && ++events > MAX_CALENDAR_EVENTS) {
        return refuse(`more than ${MAX_CALENDAR_EVENTS} events`);
      }
      current.components.push(component);
      open.push(component);
    } else if (line.name === 'END') {
      const name = componentName(line);
      if (open.length === 1) return refuse(`END:${name} on line ${index + 1} closes nothing`);
      if (current.name !== name) return refuse(`END:${name} on line ${index + 1} does not close BEGIN:${current.name}`);
      open.pop();
    } else if (open.length > 1) current.properties.push(line);
  }
  if (open.length > 1) return refuse(`it ends inside ${(open[open.length - 1] as IcsComponent).name} (cut off?)`);
  const calendars = root.components.filter((component) => component.name === 'VCALENDAR');
  if (calendars.length === 0) return refuse('it has no VCALENDAR');
  return { ok: true, calendars };
}

function componentName(line: ContentLine): string {
  return line.value.trim().toUpperCase().slice(0, 40);
}

function refuse(reason: string): ComponentsRead {
  return { ok: false, reason };
}

export function propertyOf(component: IcsComponent, name: string): ContentLine | undefined {
  return component.properties.find((line) => line.name === name);
}

export function propertiesOf(component: IcsComponent, name: string): ContentLine[] {
  return component.properties.filter((line) => line.name === name);
}

export function childrenOf(component: IcsComponent, name: string): IcsComponent[] {
  return component.components.filter((child) => child.name === name);
}
