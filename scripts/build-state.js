// What `npm start` needs before it serves: the built PWA (dist/) and the compiled
// server (dist-server/). Plain JavaScript on purpose: this runs before anything is
// compiled, and after `npm prune --omit=dev`, when neither tsx nor Vite is there.
import { spawn } from 'node:child_process';
import console from 'node:console';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import process from 'node:process';

/** The two outputs, each with the file that marks it built and the inputs that make it stale. */
export const OUTPUTS = {
  client: { marker: 'dist/index.html', inputs: ['src/client', 'src/shared', 'public', 'index.html', 'vite.config.ts', 'scripts/precompress.js', 'package.json'] },
  server: { marker: 'dist-server/cli.js', inputs: ['src/server', 'src/shared', 'scripts/build-server.js', 'package.json'] },
};

/** A failure whose message says what to do; bin/jejak.js prints it without a stack. */
export class BuildError extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.name = 'BuildError';
    this.exitCode = exitCode;
  }
}

/** 'missing', 'stale' or 'fresh'. Sources absent (a packaged install) never make a build stale. */
export function buildState(root, output) {
  const builtAt = modifiedAt(join(root, output.marker));
  if (builtAt === undefined) return 'missing';
  const newest = Math.max(0, ...output.inputs.map((input) => newestIn(join(root, input))));
  return builtAt >= newest ? 'fresh' : 'stale';
}

/** True when the dev dependencies that build are installed (they are gone after `npm prune --omit=dev`). */
export function canBuild(root) {
  const require = createRequire(join(root, 'package.json'));
  try {
    require.resolve('vite/package.json');
    require.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

const STEPS = {
  client: (root) => [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
  server: (root) => [join(root, 'scripts', 'build-server.js')],
};

/**
 * Builds what is missing, and what is stale when the build tools are there, so
 * `npm start` after a `git pull` never serves yesterday's app. Without the tools a
 * stale build is served with a warning; a missing one stops with what to run.
 * Resolves to the parts built.
 */
export async function buildIfNeeded(root, log = console) {
  const tools = canBuild(root);
  const built = [];
  for (const [name, output] of Object.entries(OUTPUTS)) {
    const state = buildState(root, output);
    if (state === 'fresh') continue;
    if (!tools) {
      if (state === 'missing') {
        throw new BuildError(
          `The ${name} is not built (${output.marker} is missing) and the build tools are not installed. ` +
            'Run "npm install" (with dev dependencies) and "npm run build", then start again; ' +
            'after that, "npm prune --omit=dev" may remove the build tools.',
        );
      }
      log.warn(`The sources changed since ${output.marker} was built, but the build tools are not installed: serving the existing build.`);
      continue;
    }
    log.log(state === 'missing' ? `Building the ${name} (first run)…` : `Building the ${name} (sources changed since the last build)…`);
    const exitCode = await run(process.execPath, STEPS[name](root), root);
    if (exitCode !== 0) throw new BuildError(`The ${name} build failed (exit code ${exitCode}).`, exitCode);
    built.push(name);
  }
  return built;
}

function modifiedAt(path) {
  return existsSync(path) ? statSync(path).mtimeMs : undefined;
}

/** Newest modification time of a file or of anything below a directory (directories count: a deletion changes them); 0 if absent. */
function newestIn(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() || entry.isDirectory()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}
