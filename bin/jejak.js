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
import { BuildError, OUTPUTS, buildIfNeeded, buildState, canBuild } from '../scripts/build-state.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

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
