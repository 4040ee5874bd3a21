import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildError, buildIfNeeded } from '../../scripts/build-state.js';

describe('buildIfNeeded', () => {
  let root: string;
  const quiet = { log: () => undefined, warn: (text: string) => warnings.push(text) };
  let warnings: string[];

  /** A project whose "Vite" and "esbuild" stand-ins write the build markers, or fail with `exitCode`. */
  function project({ tools = true, exitCode = 0 } = {}) {
    write('package.json', '{"name":"jejak"}');
    write('src/client/main.tsx', 'export {};');
    write('src/server/cli.ts', 'export {};');
    if (!tools) return;
    write('node_modules/vite/package.json', '{"name":"vite"}');
    write('node_modules/esbuild/package.json', '{"name":"esbuild","main":"index.js"}');
    write('node_modules/esbuild/index.js', '');
    write('node_modules/vite/bin/vite.js', exitCode === 0
      ? "require('node:fs').mkdirSync('dist', { recursive: true }); require('node:fs').writeFileSync('dist/index.html', 'built');"
      : `process.exit(${exitCode});`);
    write('scripts/build-server.js', "import { mkdirSync, writeFileSync } from 'node:fs'; mkdirSync('dist-server', { recursive: true }); writeFileSync('dist-server/cli.js', '');");
  }

  function write(path: string, text: string) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  function age(path: string) {
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, path), past, past);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'jejak-build-'));
    warnings = [];
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds client and server when missing, then leaves a fresh build alone', async () => {
    project();
    expect(await buildIfNeeded(root, quiet)).toEqual(['client', 'server']);
    expect(await buildIfNeeded(root, quiet)).toEqual([]);
  });

  it('rebuilds only the part whose sources are newer', async () => {
    project();
    await buildIfNeeded(root, quiet);
    age('dist-server/cli.js');
    expect(await buildIfNeeded(root, quiet)).toEqual(['server']);
  });

  it('without the build tools: serves a stale build with a warning, and refuses a missing one with what to run', async () => {
    project({ tools: false });
    const failure = await buildIfNeeded(root, quiet).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BuildError);
    expect((failure as Error).message).toMatch(/^The client is not built \(dist\/index.html is missing\) and the build tools are not installed\. Run "npm install"/);

    write('dist/index.html', 'old');
    write('dist-server/cli.js', '');
    age('dist/index.html');
    expect(await buildIfNeeded(root, quiet)).toEqual([]);
    expect(warnings).toEqual(['The sources changed since dist/index.html was built, but the build tools are not installed: serving the existing build.']);
  });

  it("fails with the build's exit code", async () => {
    project({ exitCode: 3 });
    await expect(buildIfNeeded(root, quiet)).rejects.toMatchObject({ exitCode: 3, message: 'The client build failed (exit code 3).' });
  });
});
