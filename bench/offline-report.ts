import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo';
import { createBenchDatabase } from './bench-data';
import { signIn } from './browser-session';
import { loadAverage, median, verdict } from './figures';
import { startAppServer } from './servers';

/**
 * `npm run bench -- reports` (and the whole bench): the absorption report a supervisor's
 * device computes when the server cannot answer. A SQLite server with 20,000 alumni and
 * 100,000 follow-ups (the reports bench's database when it is there); the supervisor
 * signs in on a fresh Chromium profile and pulls everything; then, offline, the day and
 * the grouping are changed again and again, as while talking the figures through.
 * Prints the device's own time to count each report (the app's `jejak:device-report`
 * measures: reading what it needs and counting, the counterpart of the server's answer)
 * and the time from each change to the figures on screen (which also holds Preact's
 * render of chart and table). `OFFLINE_REPORT_APP=<built app dir>` measures another
 * build, e.g. an older version's, with the same steps.
 */

const TARGET = { alumni: 20_000, followUps: 100_000 };
const SUPERVISOR = 'kabid.penta';
const TARGET_MEDIAN_MS = 50;
const DEVICE_REPORT_MEASURE = 'jejak:device-report';

/**
 * The changes timed, in order, one control each (as a person makes them; two at once
 * would be one render's closure overwriting the other): the day, then a grouping.
 */
const CHANGES: Change[] = [
  { asOf: '2024-08-31' },
  { first: 'funding-source' },
  { asOf: '2025-06-30' },
  { first: 'provider' },
  { second: 'funding-source' },
  { asOf: '2024-12-31' },
  { first: 'vocation' },
  { second: '' },
  { asOf: '2026-11-30' },
  { first: 'year' },
  { asOf: '2025-02-28' },
  { second: 'funding-source' },
  { asOf: '2024-06-30' },
];
type Change = { asOf?: string; first?: string; second?: string };

const root = resolve(import.meta.dirname, '..');

export async function benchOfflineReport(dir: string): Promise<string> {
  const appDist = process.env['OFFLINE_REPORT_APP'] ?? buildApp(dir);
  const dbPath = join(dir, 'reports.db');
  if (!existsSync(dbPath)) await createBenchDatabase(dbPath, TARGET);
  const server = await startAppServer(dbPath, appDist);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const signedInAt = performance.now();
    await signIn(page, server.origin, SUPERVISOR, DEMO_PASSWORD);
    await waitForCompleteSync(page);
    const pullMs = performance.now() - signedInAt;
    const rebuildMs = await page.evaluate(() => performance.getEntriesByName('jejak:report-facts-rebuild').map((entry) => entry.duration));
    const held = await deviceCounts(page);

    if (!new URL(page.url()).pathname.startsWith('/reports')) await page.goto(`${server.origin}/reports`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await context.setOffline(true);
    // Going offline asks again, and the device answers.
    await page.getByText(/^Server tidak terjangkau/).waitFor({ timeout: 120_000 });
    const screenMs: number[] = [];
    for (const change of CHANGES) screenMs.push(await timeChange(page, change));
    const counted = await page.evaluate((name) => performance.getEntriesByName(name).map((entry) => entry.duration), DEVICE_REPORT_MEASURE);
    await context.setOffline(false);

    const load = loadAverage();
    if (counted.length === 0) {
      // An app without the measure (an older build): only the time to the figures on screen.
      return `offline report on a supervisor's device (older build, no counting measure): change to figures on screen median ${median(screenMs).toFixed(0)} ms of ${screenMs.length}, first change ${(screenMs[0] ?? NaN).toFixed(0)} ms; sign-in to a complete sync ${(pullMs / 1000).toFixed(1)} s (${held}); load ${load}`;
    }
    // The first report offline reads the device's tables; the changes after it reuse what was read.
    const [first = NaN, ...rest] = counted;
    const middle = median(rest);
    return [
      `offline report on a supervisor's device (${TARGET.alumni} alumni, ${TARGET.followUps} follow-ups): median ${middle.toFixed(0)} ms of ${rest.length} changes of day and grouping, first ${first.toFixed(0)} ms (target ≤ ${TARGET_MEDIAN_MS} ms) ${verdict(middle <= TARGET_MEDIAN_MS)}; load ${load}`,
      `  change to figures on screen: median ${median(screenMs).toFixed(0)} ms, slowest ${Math.max(...screenMs).toFixed(0)} ms; sign-in to a complete sync ${(pullMs / 1000).toFixed(1)} s, of which computing every person's report facts ${rebuildMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ') || 'none'} (${held})`,
    ].join('\n');
  } finally {
    await context.close();
    await server.stop();
  }
}

/** The app as `vite build` makes it for the bench (bench/vite.bench.config.ts), into the run's directory. */
function buildApp(dir: string): string {
  const outDir = join(dir, 'offline-report-app');
  const args = [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'bench/vite.bench.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stderr}`);
  return outDir;
}

/**
 * Until the first sync cycle has ended (it writes `lastSyncedAt` last, after the report
 * facts are computed). Polled with evaluate: waitForFunction would take the promise an
 * async check returns for a truthy answer.
 */
async function waitForCompleteSync(page: Page): Promise<void> {
  const deadline = Date.now() + 900_000;
  for (;;) {
    const synced = await page.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { user: { id: string } };
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open(`jejak-u-${me.user.id}`);
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(new Error(String(request.error)));
      });
      try {
        if (!db.objectStoreNames.contains('meta')) return false;
        const value = await new Promise<unknown>((done) => {
          const request = db.transaction('meta').objectStore('meta').get('lastSyncedAt');
          request.onsuccess = () => done(request.result);
          request.onerror = () => done(undefined);
        });
        return value !== undefined;
      } finally {
        db.close();
      }
    });
    if (synced) return;
    if (Date.now() > deadline) throw new Error('the first sync did not end within 15 minutes');
    await page.waitForTimeout(1000);
  }
}

/** What the device holds once synced, as `4 stores: alumni 20000, …`, so a figure is never taken over half the data. */
async function deviceCounts(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const me = (await (await fetch('/api/auth/me')).json()) as { user: { id: string } };
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open(`jejak-u-${me.user.id}`);
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(new Error(String(request.error)));
    });
    try {
      const stores = ['alumni', 'followUps', 'enrollments', 'reportFacts'].filter((name) => db.objectStoreNames.contains(name));
      const counts = await Promise.all(
        stores.map(
          (name) =>
            new Promise<string>((done) => {
              const request = db.transaction(name).objectStore(name).count();
              request.onsuccess = () => done(`${name} ${request.result}`);
              request.onerror = () => done(`${name} ?`);
            }),
        ),
      );
      return `device holds ${counts.join(', ')}`;
    } finally {
      db.close();
    }
  });
}

/**
 * One change of the report's controls, timed in the page: from the change to the frame
 * after the "counting" status has come and gone (the figures are then in the DOM).
 */
function timeChange(page: Page, change: Change): Promise<number> {
  return page.evaluate(async (change) => {
    const status = document.querySelector('.report-status');
    if (status === null) throw new Error('no report status');
    const start = performance.now();
    const shown = new Promise<number>((done, fail) => {
      setTimeout(() => fail(new Error(`no report after ${JSON.stringify(change)}`)), 120_000);
      let counting = false;
      const observer = new MutationObserver(() => {
        if (status.textContent !== '') counting = true;
        else if (counting) {
          observer.disconnect();
          requestAnimationFrame(() => done(performance.now() - start));
        }
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    });
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const controls = [
      ['input[name="asOf"]', change.asOf, 'input'],
      ['select[name="groupBy"]', change.first, 'change'],
      ['select[name="groupByThen"]', change.second, 'change'],
    ] as const;
    for (const [selector, value, event] of controls) {
      if (value === undefined) continue;
      const control = document.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
      if (control === null) throw new Error(`no ${selector}`);
      control.value = value;
      control.dispatchEvent(new Event(event, { bubbles: true }));
    }
    return shown;
  }, change);
}
