#!/usr/bin/env node
// The jejak command. It runs the compiled server (dist-server/, made by `npm run build`)
// with plain node. `start` and `demo` first build what is missing (or stale, when the
// build tools are installed). A developer whose compiled server is older than the
// sources gets the sources through tsx instead, so no command runs yesterday's code.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { BuildError, OUTPUTS, buildIfNeeded, buildState, canBuild } from '../scripts/build-state.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The commands that run the server, which lives for months on a small machine. */
const SERVER_COMMANDS = new Set(['start', 'serve', 'demo']);

// V8 flags for a small server, set before the server's code loads. Under a steady
// allocation rate, such as a long export's, V8 grows its young generation from two 1 MB
// halves to two 16 MB ones, and lets the old generation fill with what survived to
// several times its live size before collecting it; both stay resident. Hence:
// - `--semi-space-growth-factor=1`: the young generation keeps its starting size
//   (`--max-semi-space-size` would need node's own command line, and the server is
//   started as `node bin/jejak.js serve`);
// - `--optimize-for-size`: V8's memory-saving mode, which collects the old generation
//   before it grows far past what is live (with the first flag alone, five 100,000-row
//   exports in a row took the server's peak from 92 to 115 MB; with both it stays near
//   90 MB).
// The price is more, smaller collections: exports measure about as fast as without the
// flags (bench/reports.ts, README "Performance"), and the idle server is 6-7 MB smaller.
if (SERVER_COMMANDS.has(args[0] ?? '')) v8.setFlagsFromString('--semi-space-growth-factor=1 --optimize-for-size');

try {
  if (args[0] === 'start' || args[0] === 'demo') await buildIfNeeded(root);
  const { cli } = await loadCli();
  process.exitCode = await cli(args);
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`Error: ${error.message}`);
  process.exitCode = error.exitCode;
}

async function loadCli() {
  const compiled = join(root, OUTPUTS.server.marker);
  const state = buildState(root, OUTPUTS.server);
  if (state === 'fresh' || (state === 'stale' && !canBuild(root))) return import(pathToFileURL(compiled).href);
  if (!existsSync(join(root, 'node_modules', 'tsx'))) {
    throw new BuildError('The server is not compiled (dist-server/ is missing). Run "npm install" and "npm run build" first.');
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/server/cli.ts');
}
