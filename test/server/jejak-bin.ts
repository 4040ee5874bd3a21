import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { projectRoot } from '../../src/server/project-root';

/** The real `jejak` command in a child process, as `npm start` runs it, in a temp directory per test file. */

const BIN = join(projectRoot(), 'bin', 'jejak.js');
export const tmp = mkdtempSync(join(tmpdir(), 'jejak-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

export type Outcome = { code: number | null; stdout: string; stderr: string };

/** Runs a command to its end; `stdin` is piped in. DATABASE_URL defaults to `cli.db` in the temp directory. */
export function jejak(args: string[], env: Record<string, string> = {}, stdin = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: tmp,
      env: { ...process.env, DATABASE_URL: `sqlite:${join(tmp, 'cli.db')}`, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/**
 * `jejak serve` on a free port until it listens; `stop()` sends SIGTERM to that child and
 * waits for it, `kill()` SIGKILL (a crash: no shutdown of its own).
 */
export function serve(env: Record<string, string>): Promise<{ port: number; stdout: string; stop(): Promise<void>; kill(): Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve'], { cwd: tmp, env: { ...process.env, PORT: '0', ...env } });
    let stdout = '';
    let stderr = '';
    const closed = new Promise<void>((done) => child.once('close', () => done()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /on http:\/\/localhost:(\d+)/.exec(stdout)?.[1];
      if (port !== undefined) {
        resolve({ port: Number(port), stdout, stop: () => (child.kill('SIGTERM'), closed), kill: () => (child.kill('SIGKILL'), closed) });
      }
    });
    child.once('error', reject);
    void closed.then(() => reject(new Error(`jejak serve exited before listening: ${stderr}`)));
  });
}
