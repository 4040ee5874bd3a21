import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FatalError } from './fatal-error';

/** What the Vite build reads: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = ['src/client', 'src/shared', 'public', 'index.html', 'vite.config.ts', 'package.json'];

/**
 * Runs the Vite build when dist/index.html is missing or older than any build input,
 * so `npm start` after a `git pull` never serves yesterday's app. Throws a FatalError
 * carrying Vite's exit code when the build fails.
 */
export async function buildIfStale(root: string): Promise<'fresh' | 'built'> {
  const builtAt = modifiedAt(join(root, 'dist', 'index.html'));
  const newestInput = Math.max(0, ...BUILD_INPUTS.map((input) => newestIn(join(root, input))));
  if (builtAt !== undefined && builtAt >= newestInput) return 'fresh';

  console.log(builtAt === undefined ? 'Building the app (first run)…' : 'Building the app (sources changed since the last build)…');
  const exitCode = await run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], root);
  if (exitCode !== 0) throw new FatalError(`The app build failed (vite exited with code ${exitCode}).`, { exitCode });
  return 'built';
}

function modifiedAt(path: string): number | undefined {
  return existsSync(path) ? statSync(path).mtimeMs : undefined;
}

/** Newest modification time of a file or of any file below a directory; 0 if absent. */
function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  // Directories count too: deleting a file changes only its directory's time.
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() || entry.isDirectory()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function run(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
