import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type FreshServer = { origin: string; adminPassword: string; stop(): Promise<void> };

/**
 * A new office's server: the real `jejak serve` (the build the demo server made) on a
 * free port over a new SQLite file, so the first start creates the admin and the
 * vocation catalogue. The test holds the child and stops it with SIGTERM.
 */
export function startFreshServer(): Promise<FreshServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-fresh-'));
  const child = spawn(process.execPath, ['bin/jejak.js', 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(dir, 'office.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await closed;
    rmSync(dir, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /on http:\/\/localhost:(\d+)/.exec(stdout)?.[1];
      const password = /created user admin with password (\S+) ;/.exec(stdout)?.[1];
      if (port !== undefined && password !== undefined) resolve({ origin: `http://127.0.0.1:${port}`, adminPassword: password, stop });
    });
    void closed.then(() => reject(new Error(`jejak serve ended before listening:\n${stdout}\n${stderr}`)));
  });
}
