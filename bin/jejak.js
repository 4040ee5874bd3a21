#!/usr/bin/env node
// The jejak command. tsx compiles the TypeScript server as it loads, so the server
// needs no build step of its own; see src/server/cli.ts for the commands.
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { cli } = await import('../src/server/cli.ts');
process.exitCode = await cli(process.argv.slice(2));
