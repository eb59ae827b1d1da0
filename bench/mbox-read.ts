// Fallback for bench/mbox.ts when the CLI cannot be timed: the mbox adapter's read() alone, with
// the query `report` would build from the config. Prints a one-line JSON summary.
import { loadConfig } from '../src/config/load.ts';
import { mboxMailbox } from '../src/mailbox/mbox.ts';
import { queryForInterviews } from '../src/mailbox/query-for-interviews.ts';

const [configPath, mboxPath] = process.argv.slice(2);
if (configPath === undefined || mboxPath === undefined) {
  console.error('usage: node bench/mbox-read.ts CONFIG MBOX');
  process.exit(64);
}
const config = await loadConfig(configPath);
const contents = await mboxMailbox(mboxPath).read(queryForInterviews(config.interviews));
const messages = contents.threads.reduce((n, t) => n + t.messages.length, 0);
console.log(JSON.stringify({ threads: contents.threads.length, messages, drafts: contents.drafts.length, warnings: contents.warnings.length }));
