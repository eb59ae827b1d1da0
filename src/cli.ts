#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { EXIT, FollowupError, UsageError } from './errors.ts';
import { createLogger, type Logger } from './log.ts';
import { parseNow, reportFormat, useColor } from './commands/options.ts';
import { progressPrinter } from './commands/progress.ts';
import type { Config } from './config/types.ts';
import type { Source } from './commands/source.ts';
import type { RunRecording } from './commands/run-recording.ts';

// Each command loads only what it uses: `report --mbox` on a multi-GB file has a 256 MB budget,
// and the Gmail client, MIME builder and renderers it does not need cost tens of MB at load.

interface CommonOptions {
  config?: string;
  logFormat: 'text' | 'json';
  verbose?: boolean;
}

function loggerFor(opts: CommonOptions): Logger {
  return createLogger({ format: opts.logFormat, level: opts.verbose ? 'debug' : 'info' });
}

function common(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'config file (default: $XDG_CONFIG_HOME/interview-followup/config.jsonc)')
    .addOption(new Option('--log-format <format>', 'log lines on stderr').choices(['text', 'json']).default('text'))
    .option('--verbose', 'debug logging (addresses and subjects; never tokens or bodies)');
}

async function sourceFor(opts: { mbox?: string; draftsDir?: string; full?: boolean }, config: Config, log: Logger, write: boolean): Promise<Source> {
  if (opts.mbox) {
    const { mboxSource } = await import('./commands/source.ts');
    return mboxSource(opts.mbox, opts.draftsDir, (description) => log.info('reading mail', { source: description }));
  }
  if (opts.draftsDir) throw new UsageError('--drafts-dir goes with --mbox; without --mbox, drafts go to Gmail');
  const { gmailSource } = await import('./commands/gmail-source.ts');
  return gmailSource({ config, log, env: process.env, write, full: Boolean(opts.full) });
}

/** The config; with Gmail and no config file at the default path, the defaults: you and your
 *  interviews are found in the mail. */
async function configFor(opts: { config?: string; mbox?: string }): Promise<Config> {
  const { loadConfig } = await import('./config/load.ts');
  return loadConfig(opts.config, { defaultsWhenMissing: opts.mbox === undefined });
}

/** Set by `run`; main() records the run with the exit code it decides, failures included. */
let runRecording: RunRecording | undefined;

interface ListOptions extends CommonOptions {
  now?: string;
  mbox?: string;
}

/** The interviews found in the mail and configured: list them, add found ones to the config, ignore some. */
async function foundInterviews(opts: ListOptions) {
  const now = parseNow(opts.now);
  const config = await configFor(opts);
  const { listInterviews } = await import('./commands/interviews.ts');
  const { stateDir } = await import('./state/paths.ts');
  const log = loggerFor(opts);
  const progress = progressPrinter(process.stderr);
  const view = await listInterviews({ config, source: await sourceFor(opts, config, log, false), stateDir: stateDir(), now, onProgress: progress.update });
  progress.done();
  return { config, view };
}

function interviewsCommands(cli: Command): void {
  const interviews = cli.command('interviews').description('the interviews found in your mail and configured; add or ignore found ones');
  const listing = (cmd: Command) => common(cmd)
    .option('--now <iso>', 'pretend it is this instant (ISO 8601 with offset)')
    .option('--mbox <file>', 'read an mbox file, a Takeout export or a folder of .eml files instead of Gmail');
  listing(interviews.command('list', { isDefault: true }))
    .description('every interview found or configured, with its source, confidence, reason and evidence (read-only)')
    .option('--json', 'the list as JSON')
    .action(async (opts: ListOptions & { json?: boolean }) => {
      const { config, view } = await foundInterviews(opts);
      const { renderListingJson, renderListingTable } = await import('./report/interviews-list.ts');
      process.stdout.write(`${opts.json ? renderListingJson(view) : renderListingTable(view, { timezone: config.timezone, width: process.stdout.columns })}\n`);
    });
  listing(interviews.command('add'))
    .description('write found interviews into the config (comments kept), linked by their invitation UID')
    .argument('[ids...]', 'ids (or invitation UIDs) from `followup interviews`')
    .option('--all-suggested', 'every suggested interview')
    .action(async (ids: string[], opts: ListOptions & { allSuggested?: boolean }) => {
      const { config, view } = await foundInterviews(opts);
      const { chooseToAdd } = await import('./commands/interviews.ts');
      const chosen = chooseToAdd(view.listing, { ids, allSuggested: Boolean(opts.allSuggested) });
      if (chosen.length === 0) {
        process.stdout.write('No suggested interviews to add.\n');
        return;
      }
      const { addInterviewsToConfig } = await import('./config/add-interviews.ts');
      const file = await addInterviewsToConfig(opts.config, chosen.map((l) => l.interview), config.timezone);
      process.stdout.write(`Added ${chosen.map((l) => l.interview.id).join(', ')} to ${file}. Add each interviewer's topics and the day they said they would be in touch (decisionExpected).\n`);
    });
  common(interviews.command('ignore'))
    .description('leave found interviews alone: adds their ids (or UIDs) to discovery.ignore in the config')
    .argument('<ids...>', 'ids (or invitation UIDs) from `followup interviews`')
    .action(async (ids: string[], opts: CommonOptions) => {
      const { ignoreInConfig } = await import('./config/add-interviews.ts');
      const file = await ignoreInConfig(opts.config, ids);
      process.stdout.write(`Ignoring ${ids.join(', ')} (discovery.ignore in ${file}).\n`);
    });
}

function program(): Command {
  const cli = new Command('followup')
    .description('Watches your interview threads and leaves the next follow-up as a draft. Never sends.')
    .version(pkg.version)
    .showHelpAfterError()
    .exitOverride();

  common(cli.command('init'))
    .description('write a commented starter config (never overwrites one)')
    .action(async (opts: CommonOptions) => {
      const { writeStarterConfig } = await import('./config/starter.ts');
      const { configFile } = await writeStarterConfig(opts.config);
      process.stdout.write(`Wrote ${configFile}: your name, addresses and time zone, no interviews — those are found in your mail (\`followup interviews\`). Edit it, then run \`followup report\`.\n`);
    });

  common(cli.command('report'))
    .description('dry run: where every interview stands and what would be drafted; writes nothing')
    .option('--now <iso>', 'pretend it is this instant (ISO 8601 with offset)')
    .option('--json', 'the report as JSON')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'markdown', 'json']))
    .option('--mbox <file>', 'read an mbox file (Google Takeout) or a folder of .eml files instead of Gmail')
    .option('--drafts-dir <dir>', 'with --mbox: the folder `run` leaves drafts in, to show their state')
    .option('--discard-stale', 'show what `run --discard-stale` would delete')
    .option('--full', 'Gmail: read everything again, ignoring what the last run kept (the sync state)')
    .action(async (opts: CommonOptions & { now?: string; json?: boolean; format?: string; mbox?: string; draftsDir?: string; discardStale?: boolean; full?: boolean }) => {
      const format = reportFormat(opts);
      const now = parseNow(opts.now);
      const config = await configFor(opts);
      const { reportCommand, renderReport } = await import('./commands/report.ts');
      const { stateDir } = await import('./state/paths.ts');
      const log = loggerFor(opts);
      const progress = progressPrinter(process.stderr);
      const decision = await reportCommand({
        config, source: await sourceFor(opts, config, log, false), stateDir: stateDir(), now,
        discardStale: Boolean(opts.discardStale), onProgress: progress.update,
      });
      progress.done();
      (await import('./commands/explain.ts')).logEvidence(log, decision);
      process.stdout.write(`${await renderReport(decision, { format, color: useColor(process.stdout, process.env), timezone: config.timezone, width: process.stdout.columns })}\n`);
    });

  common(cli.command('run'))
    .description('leave each planned follow-up as a draft (Gmail, or .eml files with --mbox); never sends')
    .option('--now <iso>', 'pretend it is this instant (ISO 8601 with offset)')
    .option('--json', 'print the whole result as JSON instead of the summary line')
    .option('--mbox <file>', 'read an mbox file or a folder of .eml files instead of Gmail')
    .option('--drafts-dir <dir>', 'with --mbox: write drafts as .eml files into this folder')
    .option('--discard-stale', "delete the tool's own stale drafts that you have not edited")
    .option('--wait', 'if another run holds the lock, wait for it instead of exiting')
    .option('--full', 'Gmail: read everything again instead of only what changed since the last run')
    .action(async (opts: CommonOptions & { now?: string; json?: boolean; mbox?: string; draftsDir?: string; discardStale?: boolean; wait?: boolean; full?: boolean }) => {
      const log = loggerFor(opts);
      const recording = (runRecording = await (await import('./commands/run-recording.ts')).startRunRecording({ mbox: Boolean(opts.mbox), log }));
      if (opts.mbox && !opts.draftsDir) throw new UsageError('run --mbox needs --drafts-dir DIR: the folder the drafts are written to');
      const now = parseNow(opts.now);
      const config = await configFor(opts);
      const { isPartial, runCommand, summaryLine } = await import('./commands/run.ts');
      const { renderJson } = await import('./report/json.ts');
      const { stateDir } = await import('./state/paths.ts');
      const progress = progressPrinter(process.stderr);
      const result = await runCommand({
        config, source: await sourceFor(opts, config, log, true), stateDir: stateDir(), now,
        discardStale: Boolean(opts.discardStale), wait: Boolean(opts.wait), log, onProgress: progress.update,
      });
      progress.done();
      await recording.done(result);
      (await import('./commands/explain.ts')).logEvidence(log, result.decision);
      for (const w of result.decision.warnings) log.warn(w.code, { message: w.message, source: w.source });
      const summary = summaryLine(result, opts.draftsDir);
      log.info('run finished', { summary });
      process.stdout.write(opts.json ? `${renderJson(result.decision)}\n` : `${summary}\n`);
      if (isPartial(result)) process.exitCode = EXIT.partial;
    });

  interviewsCommands(cli);

  common(cli.command('auth'))
    .description('sign in to Google once: prints a link to open in a browser on this machine; saves a token for later runs')
    .option('--credentials <file>', 'your OAuth client file (Desktop app), default: $XDG_CONFIG_HOME/interview-followup/credentials.json')
    .option('--port <port>', 'the local port Google sends the browser back to (default: any free one; fix it to set up `ssh -L` first)')
    .option('--no-browser', 'only print the link, do not try to open a browser')
    .action(async (opts: CommonOptions & { credentials?: string; port?: string; browser: boolean }) => {
      const { authCommand } = await import('./commands/auth.ts');
      await authCommand({ credentialsPath: opts.credentials, port: opts.port, browser: opts.browser });
    });

  common(cli.command('schedule'))
    .description('print (or --install / --uninstall) the job that runs `followup run` on a schedule on this machine')
    .option('--every <interval>', 'how often: 5m 10m 15m 20m 30m 1h 2h 3h 4h 6h 8h 12h 24h', '1h')
    .addOption(new Option('--cron', 'a crontab line').conflicts(['systemd', 'launchd']))
    .addOption(new Option('--systemd', 'a systemd user service + timer').conflicts(['launchd']))
    .option('--launchd', 'a macOS LaunchAgent')
    .addOption(new Option('--install', 'install it (crontab -, systemctl --user, launchctl)').conflicts('uninstall'))
    .option('--uninstall', 'remove exactly what --install added')
    .argument('[run-options...]', 'after --: options for each run (--discard-stale, --wait, --verbose, --log-format, --mbox, --drafts-dir)')
    .action(async (runOptions: string[], opts: CommonOptions & { every: string; cron?: boolean; systemd?: boolean; launchd?: boolean; install?: boolean; uninstall?: boolean }) => {
      const { scheduleCommand } = await import('./commands/schedule.ts');
      const scheduler = opts.cron ? 'cron' : opts.systemd ? 'systemd' : opts.launchd ? 'launchd' : undefined;
      await scheduleCommand({ every: opts.every, scheduler, install: opts.install, uninstall: opts.uninstall, config: opts.config, runOptions });
    });

  common(cli.command('status'))
    .description('whether the scheduled runs work: the last runs, the next follow-ups, the sign-in, the lock; exit 8 if not')
    .option('--json', 'the status as JSON')
    .option('--now <iso>', 'judge as of this instant (ISO 8601 with offset)')
    .action(async (opts: CommonOptions & { json?: boolean; now?: string }) => {
      const { statusCommand } = await import('./commands/status.ts');
      if (!(await statusCommand({ json: opts.json, now: parseNow(opts.now) }))) process.exitCode = EXIT.unhealthy;
    });

  return cli;
}

/** The one place that turns errors into exit codes. */
async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof FollowupError) {
      process.stderr.write(`followup: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`followup: internal error, please report it: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = EXIT.internal;
  } finally {
    await runRecording?.finish(Number(process.exitCode ?? EXIT.ok));
  }
}

await main(process.argv);
