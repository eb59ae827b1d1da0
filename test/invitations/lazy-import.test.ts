import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('ical.js and node-ical are loaded only for a message with a calendar part', () => {
  it('reading a plain message, both ways, loads neither; the first calendar part loads both', async () => {
    const { stdout } = await run(process.execPath, [join(import.meta.dirname, 'lazy-import-child.ts')]);
    expect(JSON.parse(stdout)).toEqual({
      calendarParts: 0,
      invitationsWithout: 0,
      nodeIcalWithoutCalendar: false,
      invitationsWith: 1,
      nodeIcalWithCalendar: true,
      icalJsWithoutCalendar: false,
      icalJsWithCalendar: true,
    });
  });
});
