#!/usr/bin/env node
// The `followup` command npm installs. Plain JavaScript that any Node parses, so that a Node older
// than the CLI and its dependencies need says so in one line instead of a stack trace; then the
// CLI compiled into dist/ (`npm run build`, which npm runs on `npm ci` and `npm pack`).
const MINIMUM_MAJOR = 22;
const version = process.versions.node;
const cli = new URL('../dist/cli.js', import.meta.url);

if (Number(version.split('.')[0]) < MINIMUM_MAJOR) {
  process.stderr.write(
    `followup needs Node ≥ ${MINIMUM_MAJOR}; this is Node ${version} — install Node ${MINIMUM_MAJOR} or newer (https://nodejs.org)\n`,
  );
  process.exitCode = 1;
} else {
  // V8 keeps the compiled code of the CLI and its dependencies on disk between runs (Node ≥ 22.1):
  // a cron run starts in about half the time. A cache that cannot be used is simply not used.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  import(cli.href).catch((error) => {
    // A clone where nobody built yet (e.g. installed with --ignore-scripts); anything else is a bug.
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || error.url !== cli.href) throw error;
    process.stderr.write(`followup: ${decodeURIComponent(cli.pathname)} is missing; run \`npm run build\` in the clone first\n`);
    process.exitCode = 1;
  });
}
