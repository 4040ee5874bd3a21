#!/usr/bin/env node
// Compiles the server (src/server, src/shared) into dist-server/ with esbuild, so
// production runs it with plain node: no TypeScript loader, no esbuild beside it.
// Packages stay external: they are installed as runtime dependencies, and
// better-sqlite3's native module cannot be bundled anyway.
import console from 'node:console';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist-server');

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'src/server/cli.ts') },
  outdir,
  bundle: true,
  // The demo generator is imported lazily by `jejak demo`: its own chunk, never loaded by `serve`.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('Server compiled into dist-server/.');
