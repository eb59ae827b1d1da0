import { tzOffset } from '@date-fns/tz';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { zoneReport } from './zone-report.ts';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, 'zone-report-child.ts');
// East and west, with and without DST, half- and quarter-hour offsets, southern summer time.
const MACHINE_ZONES = ['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Europe/London', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns'];

describe('the parse does not depend on the machine\'s time zone', () => {
  it('gives the same events, instants included, whatever TZ the process runs in', async () => {
    const here = await zoneReport();
    expect(here).toContain('"kind":"floating"');
    expect(here).toContain('"kind":"all-day"');
    const children = await Promise.all(MACHINE_ZONES.map(async (zone) => {
      const { stdout } = await run(process.execPath, [CHILD], { env: { ...process.env, TZ: zone }, maxBuffer: 64 * 1024 * 1024 });
      const { offset, report } = JSON.parse(stdout) as { offset: number; report: string };
      return { zone, offset, sameReport: report === here };
    }));
    expect(children).toEqual(MACHINE_ZONES.map((zone) => ({
      zone, offset: tzOffset(zone, new Date(Date.UTC(2026, 6, 1, 12))), sameReport: true,
    })));
  }, 60_000);
});
