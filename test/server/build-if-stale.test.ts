import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildIfStale } from '../../src/server/build-if-stale';
import { FatalError } from '../../src/server/fatal-error';

describe('buildIfStale', () => {
  let root: string;

  /** A project with a stand-in for Vite that writes dist/index.html, or fails with `exitCode`. */
  function project(exitCode = 0) {
    write('package.json', '{}');
    write('src/client/main.tsx', 'export {};');
    write('node_modules/vite/bin/vite.js', exitCode === 0
      ? "require('node:fs').mkdirSync('dist', { recursive: true }); require('node:fs').writeFileSync('dist/index.html', 'built');"
      : `process.exit(${exitCode});`);
  }

  function write(path: string, text: string) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'jejak-build-'));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(root, { recursive: true, force: true });
  });

  it('builds when dist/ is missing, then leaves a fresh build alone', async () => {
    project();
    expect(await buildIfStale(root)).toBe('built');
    expect(await buildIfStale(root)).toBe('fresh');
  });

  it('rebuilds when a source is newer than dist/index.html', async () => {
    project();
    write('dist/index.html', 'old');
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'dist/index.html'), past, past);
    expect(await buildIfStale(root)).toBe('built');
  });

  it("fails with the build's exit code", async () => {
    project(3);
    const failure = await buildIfStale(root).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FatalError);
    expect(failure).toMatchObject({ exitCode: 3, message: expect.stringContaining('code 3') as unknown });
  });
});
