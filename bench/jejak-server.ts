import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo';
import { loadAverage, median, verdict } from './figures';

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

/** What the bench asks of the report: as of a fixed day, by provider and funding source (8 groups). */
const REPORT_PATH = '/api/reports/absorption?asOf=2024-08-31&groupBy=provider,funding-source';
/** Issue's targets for the report, whichever database serves it. */
const REPORT_TARGET = { medianMs: 50, firstMs: 200 };

/**
 * Times `requests` absorption reports against `server` (the first right after it
 * started) and prints them as one line `absorption report (…, <database>): median …,
 * first … (target …) ok|MISSED; load …`.
 */
export async function timeAbsorptionReport(server: JejakServer, database: string, requests: number): Promise<string> {
  const times: number[] = [];
  let groups = 0;
  for (let i = 0; i < requests; i += 1) {
    const start = performance.now();
    const res = await fetch(`${server.origin}${REPORT_PATH}`, { headers: { cookie: server.cookie } });
    if (res.status !== 200) throw new Error(`report answered ${res.status}: ${await res.text()}`);
    groups = ((await res.json()) as { groups: unknown[] }).groups.length;
    times.push(performance.now() - start);
  }
  const first = times[0] ?? NaN;
  const middle = median(times);
  return (
    `absorption report (${groups} groups, provider × funding source, ${database}): median ${middle.toFixed(0)} ms of ${requests}, first ${first.toFixed(0)} ms ` +
    `(target median ≤ ${REPORT_TARGET.medianMs} ms, first ≤ ${REPORT_TARGET.firstMs} ms) ${verdict(middle <= REPORT_TARGET.medianMs && first <= REPORT_TARGET.firstMs)}; load ${loadAverage()}`
  );
}
