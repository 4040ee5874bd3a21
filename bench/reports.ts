import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo';
import { createBenchDatabase } from './bench-data';

/**
 * `npm run bench -- reports` (or BENCH_ONLY=reports): issue 7's figures. Over a SQLite
 * server with 20,000 alumni and 100,000 follow-ups, each measured against the real
 * server (`jejak serve`) running as a child process, so its memory is its own:
 * - the absorption report (provider × funding source), median of a few requests;
 * - exporting all 100,000 follow-ups to XLSX and to CSV: seconds and the server's peak
 *   resident memory (VmHWM) during the export, beside its peak before the download;
 *   then a small part of the table the same way, to show memory does not follow rows.
 * A fresh server per export: VmHWM only ever grows, so one process would mix them.
 */

const TARGET = { alumni: 20_000, followUps: 100_000 };
const SUPERVISOR = 'kabid.penta';
const REPORT_REQUESTS = 7;
const root = resolve(import.meta.dirname, '..');

export async function benchReports(dir: string): Promise<string> {
  const dbPath = join(dir, 'reports.db');
  const t0 = performance.now();
  const counts = await createBenchDatabase(dbPath, TARGET);
  const lines = [`reports: ${counts.alumni} alumni, ${counts.followUps} follow-ups, ${counts.enrollments} enrollments, ${counts.cohorts} cohorts (${seconds(performance.now() - t0)} s to build)`];

  await withServer(dbPath, async (server) => {
    const times: number[] = [];
    let groups = 0;
    for (let i = 0; i < REPORT_REQUESTS; i += 1) {
      const start = performance.now();
      const res = await fetch(`${server.origin}/api/reports/absorption?asOf=2024-08-31&groupBy=provider,funding-source`, { headers: { cookie: server.cookie } });
      if (res.status !== 200) throw new Error(`report answered ${res.status}: ${await res.text()}`);
      groups = ((await res.json()) as { groups: unknown[] }).groups.length;
      times.push(performance.now() - start);
    }
    lines.push(`absorption report (${groups} groups, provider × funding source): median ${median(times).toFixed(0)} ms of ${REPORT_REQUESTS} (first ${times[0]?.toFixed(0)} ms)`);
  });

  // The whole table, then a small part of it: peak memory should barely differ (flat in the row count).
  for (const [asOf, what] of [['2030-12-31', `all ${counts.followUps}`], ['2024-06-30', 'the first tenth of the']] as const) {
    for (const format of ['xlsx', 'csv'] as const) {
      await withServer(dbPath, async (server) => {
        const before = peakKb(server.pid);
        const start = performance.now();
        const res = await fetch(`${server.origin}/api/export/follow-ups.${format}?asOf=${asOf}`, { headers: { cookie: server.cookie } });
        if (res.status !== 200 || res.body === null) throw new Error(`export answered ${res.status}`);
        let bytes = 0;
        let lineEnds = 0;
        // Read chunk by chunk as a browser saving the file would, never holding it whole.
        for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
          bytes += chunk.byteLength;
          if (format === 'csv') for (const byte of chunk) if (byte === 10) lineEnds += 1;
        }
        const ms = performance.now() - start;
        const rows = format === 'csv' ? ` (${lineEnds - 1} rows)` : '';
        lines.push(
          `export ${what} follow-ups to ${format.toUpperCase()}${rows}: ${seconds(ms)} s, ${(bytes / 1e6).toFixed(1)} MB; ` +
            `server peak RSS ${mb(peakKb(server.pid))} MB (${mb(before)} MB before the download)`,
        );
      });
    }
  }
  return lines.join('\n');
}

type Server = { origin: string; cookie: string; pid: number };

async function withServer(dbPath: string, use: (server: Server) => Promise<void>): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'bin/jejak.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `sqlite:${dbPath}`, PORT: String(port), NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await listening(child);
    const origin = `http://127.0.0.1:${port}`;
    const login = await fetch(`${origin}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: SUPERVISOR, password: DEMO_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    if (login.status !== 200 || cookie === undefined) throw new Error(`sign-in answered ${login.status}`);
    await use({ origin, cookie, pid: child.pid ?? 0 });
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

/** The process's peak resident set (VmHWM), in kB. */
function peakKb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? NaN);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mb = (kb: number) => (kb / 1024).toFixed(0);
