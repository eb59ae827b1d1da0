// Run by machine-zone.test.ts in a child process with its own TZ: prints the zone the process
// really runs in (its UTC offset on 1 July 2026) and the report.
import { zoneReport } from './zone-report.ts';

process.stdout.write(JSON.stringify({ offset: -new Date(2026, 6, 1).getTimezoneOffset(), report: await zoneReport() }));
