import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo';

export type JejakServer = { origin: string; cookie: string; pid: number };

const root = resolve(import.meta.dirname, '..');

/**
 * Runs the real server (`jejak serve`) as a child process over `databaseUrl`
 * (`sqlite:<file>` or `postgres://…`), so its memory and its connections are its own;
 * signs `username` in with the demo password, hands the origin and session cookie to
 * `use`, and stops the server afterwards, whatever `use` did.
 */
export async function withJejakServer<T>(databaseUrl: string, username: string, use: (server: JejakServer) => Promise<T>): Promise<T> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/jejak.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await listening(child);
    const origin = `http://127.0.0.1:${port}`;
    const login = await fetch(`${origin}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (login.status !== 200 || cookie === undefined) throw new Error(`sign-in answered ${login.status}`);
    return await use({ origin, cookie, pid: child.pid ?? 0 });
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
}

function listening(child: ChildProcess): Promise<void> {
  return new Promise((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(' on http://')) done();
    });
    child.once('exit', (code) => fail(new Error(`the server exited with ${code}:\n${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}
