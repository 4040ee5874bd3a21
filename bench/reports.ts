import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBenchDatabase } from './bench-data';
import { loadAverage, median, verdict } from './figures';
import { timeAbsorptionReport, withJejakServer, type JejakServer } from './jejak-server';
import { benchReportPostgres } from './reports-postgres';

/**
 * `npm run bench -- reports` (or BENCH_ONLY=reports): the report and export figures.
 * Over a SQLite server with 20,000 alumni and 100,000 follow-ups, each measured against
 * the real server (`jejak serve`) running as a child process, so its memory is its own:
 * - the absorption report (provider × funding source): median and first of a few requests;
 *   then the same over PostgreSQL, the data copied there (bench/reports-postgres.ts);
 * - exporting all 100,000 follow-ups to XLSX and to CSV, three times each on a fresh
 *   server: seconds, and the server's peak resident memory during the export beside its
 *   resident memory idle just before (see timeExport); then a small part of the table
 *   the same way, to show memory does not follow rows; and the whole table five times
 *   in a row on one server, to show an export leaves nothing that adds up.
 * Each figure is one line `measure: value (target …) ok|MISSED`, with the load average.
 */

const TARGET = { alumni: 20_000, followUps: 100_000 };
const SUPERVISOR = 'kabid.penta';
const REPORT_REQUESTS = 7;
/** Each export is run this many times, each on a fresh server, and the median printed. */
const EXPORT_RUNS = 3;
/** Then the whole table this many times in a row on one server. */
const REPEATED_EXPORTS = 5;
const TARGETS = { xlsxMs: 3000, csvMs: 2000, rssRatio: 1.3 };

export async function benchReports(dir: string): Promise<string> {
  const dbPath = join(dir, 'reports.db');
  const t0 = performance.now();
  const counts = await createBenchDatabase(dbPath, TARGET);
  const lines = [`reports: ${counts.alumni} alumni, ${counts.followUps} follow-ups, ${counts.enrollments} enrollments, ${counts.cohorts} cohorts (${seconds(performance.now() - t0)} s to build)`];

  await withServer(dbPath, async (server) => {
    lines.push(await timeAbsorptionReport(server, 'SQLite', REPORT_REQUESTS));
  });
  lines.push(...(await benchReportPostgres(dbPath)));

  // The whole table, then a small part of it: peak memory should barely differ (flat in the row count).
  for (const [asOf, what, whole] of [['2030-12-31', `all ${counts.followUps}`, true], ['2024-06-30', 'the first tenth of the', false]] as const) {
    for (const format of ['xlsx', 'csv'] as const) {
      const runs: ExportRun[] = [];
      for (let i = 0; i < EXPORT_RUNS; i += 1) runs.push(await withServer(dbPath, (server) => timeExport(server, format, asOf)));
      const ms = median(runs.map((run) => run.ms));
      const ratio = median(runs.map((run) => run.peakKb / run.idleKb));
      const targetMs = format === 'xlsx' ? TARGETS.xlsxMs : TARGETS.csvMs;
      const rows = format === 'csv' ? ` (${runs[0]?.rows} rows)` : '';
      const figures =
        `${seconds(ms)} s, ${((runs[0]?.bytes ?? 0) / 1e6).toFixed(1)} MB; server peak RSS ${mb(median(runs.map((run) => run.peakKb)))} MB ` +
        `during the export, ${mb(median(runs.map((run) => run.idleKb)))} MB idle before it, ratio ${ratio.toFixed(2)}`;
      lines.push(
        whole
          ? `export ${what} follow-ups to ${format.toUpperCase()}${rows}: ${figures} (target ≤ ${seconds(targetMs)} s, peak ≤ ${TARGETS.rssRatio}× idle) ${verdict(ms <= targetMs && ratio <= TARGETS.rssRatio)}; median of ${EXPORT_RUNS}, load ${loadAverage()}`
          : `export ${what} follow-ups to ${format.toUpperCase()}${rows}: ${figures} (memory should match the whole table's)`,
      );
    }
  }
  // The whole table several times over on one server: what one export leaves behind should not add up.
  for (const format of ['xlsx', 'csv'] as const) {
    const runs = await withServer(dbPath, async (server) => {
      const each: ExportRun[] = [];
      for (let i = 0; i < REPEATED_EXPORTS; i += 1) each.push(await timeExport(server, format, '2030-12-31'));
      return each;
    });
    const idleKb = runs[0]?.idleKb ?? NaN;
    const peaks = runs.map((run) => run.peakKb);
    lines.push(
      `export all ${counts.followUps} follow-ups to ${format.toUpperCase()} ${REPEATED_EXPORTS} times on one server: peak RSS ${peaks.map(mb).join(', ')} MB, ` +
        `${mb(idleKb)} MB idle before the first, highest ratio ${(Math.max(...peaks) / idleKb).toFixed(2)} (should not grow from one export to the next); load ${loadAverage()}`,
    );
  }
  return lines.join('\n');
}

type ExportRun = { ms: number; bytes: number; rows: number; idleKb: number; peakKb: number };

/**
 * One download, read chunk by chunk as a browser saving the file would. Memory: the
 * server's resident set just before (idle, after startup and sign-in) and its peak
 * during the download — the kernel's high-water mark, reset first (clear_refs 5), so
 * every page the process touched counts, not only what is left after a collection;
 * also sampled every 10 ms, should the reset be refused.
 */
async function timeExport(server: Server, format: 'xlsx' | 'csv', asOf: string): Promise<ExportRun> {
  await new Promise((done) => setTimeout(done, 300));
  const idleKb = statusKb(server.pid, 'VmRSS');
  let peakKb = idleKb;
  try {
    writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
  } catch {
    // Sampling below still sees the peak, within 10 ms.
  }
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, statusKb(server.pid, 'VmRSS'))), 10);
  const start = performance.now();
  try {
    const res = await fetch(`${server.origin}/api/export/follow-ups.${format}?asOf=${asOf}`, { headers: { cookie: server.cookie } });
    if (res.status !== 200 || res.body === null) throw new Error(`export answered ${res.status}`);
    let bytes = 0;
    let lineEnds = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (format === 'csv') for (const byte of chunk) if (byte === 10) lineEnds += 1;
    }
    const ms = performance.now() - start;
    peakKb = Math.max(peakKb, statusKb(server.pid, 'VmHWM'));
    return { ms, bytes, rows: lineEnds - 1, idleKb, peakKb };
  } finally {
    clearInterval(sampler);
  }
}

type Server = JejakServer;

/** The real server over the SQLite bench file, the supervisor signed in. */
function withServer<T>(dbPath: string, use: (server: Server) => Promise<T>): Promise<T> {
  return withJejakServer(`sqlite:${dbPath}`, SUPERVISOR, use);
}

/** A memory figure of the process's status, in kB: VmRSS (resident now) or VmHWM (peak since the last reset). */
function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? NaN);
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mb = (kb: number) => (kb / 1024).toFixed(0);
