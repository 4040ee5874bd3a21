import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo';
import { DEFAULT_PULL_LIMIT, MAX_MUTATIONS_PER_PUSH } from '../src/shared/sync/protocol';
import { createBenchDatabase } from './bench-data';
import { currentUser, launchPhone, signIn } from './browser-session';
import { NAVIGATIONS, measureOfficerScreens, median as middle, percentile, slowestKeystrokes } from './officer-screens';
import type { BenchGlobals } from './browser/globals';
import { loadAverage, verdict } from './figures';
import { benchReports } from './reports';
import { benchOfflineReport } from './offline-report';
import { startAppServer, startBareServer } from './servers';

/**
 * `npm run bench`: the sync engine against a plain pipe, in one run. Each round gets
 * fresh copies of one server database and a fresh browser profile: the first full pull
 * of a signed-in officer, then 5,000 follow-ups queued offline and pushed once back
 * online; each beside its baseline in the same browser. Between the two, with the
 * pulled data on the device and the network cut, the officer's screens
 * (bench/officer-screens.ts): the worklist from navigation to its first row, and search
 * latency per keystroke. Prints the median of the rounds. Data and profiles go to .bench/.
 */

/** Set by the app after each sync cycle that ended with the worklist up to date (src/client/sync/sync-cycle.ts). */
const WORKLIST_READY_MARK = 'jejak:worklist-ready';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const TARGET = { alumni: 20_000, followUps: 40_000 };
const MUTATIONS = 5_000;
const OFFICER = 'petugas.andi';
const LIMITS = { pull: 1.2, push: 1.5, pushServer: 1.5 };
/** Milliseconds: the worklist's median and search's 95th percentile per keystroke. */
const TARGETS = { worklist: 500, searchP95: 16, signInToFirstRows: 3000 };

const root = resolve(import.meta.dirname, '..');
const dir = join(root, '.bench', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(dir, { recursive: true });

type Round = {
  pull: number;
  /** From pressing "Masuk" to the first worklist rows on screen, while the pull streams in. */
  signInToFirstRows: number;
  /** From pressing "Masuk" to a usable worklist (every pulled person in it). */
  signInToReady: number;
  /** The servers' own time answering the push requests, the app's and the bare upserts'. */
  pushServer: number;
  pushServerBase: number;
  pullBase: number;
  push: number;
  pushBase: number;
  /** Median of the round's offline navigations to the worklist. */
  worklist: number;
  /** Per keystroke, the round's median and 95th percentile; and to the next painted frame. */
  search: number;
  searchP95: number;
  searchFrame: number;
  searchFrameP95: number;
  keystrokes: number;
};

/** `npm run bench -- reports` or BENCH_ONLY=reports: only the report and export figures (bench/reports.ts). */
const ONLY_REPORTS = process.argv.includes('reports') || process.env['BENCH_ONLY'] === 'reports';
/** `npm run bench -- sync` or BENCH_ONLY=sync: only the sync and officer-screen figures. */
const ONLY_SYNC = process.argv.includes('sync') || process.env['BENCH_ONLY'] === 'sync';

async function main(): Promise<void> {
  if (ONLY_REPORTS) {
    console.log(await benchReports(dir));
    console.log(await benchOfflineReport(dir));
    return;
  }
  const t0 = performance.now();
  const appDist = await buildApp();
  const bundles = await bundleBenchPages();
  const template = join(dir, 'template.db');
  const counts = await createBenchDatabase(template, TARGET);
  log(`data: ${counts.alumni} alumni, ${counts.followUps} follow-ups, ${counts.enrollments} enrollments, ${counts.cohorts} cohorts, ${counts.feedRows} change-feed rows (${seconds(performance.now() - t0)} s to build and seed)`);

  const rounds: Round[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) rounds.push(await runRound(round, template, appDist, bundles));

  const median = (pick: (round: Round) => number) => {
    const sorted = rounds.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? NaN;
  };
  const line = (label: string, pick: (r: Round) => number, base: (r: Round) => number, limit: number) => {
    const ratio = median((r) => pick(r) / base(r));
    return `${label}: ratio ${ratio.toFixed(2)} (${seconds(median(pick))} s against ${seconds(median(base))} s) (target ≤ ${limit}) ${verdict(ratio <= limit)}`;
  };
  const worklist = median((r) => r.worklist);
  const search = { median: median((r) => r.search), p95: median((r) => r.searchP95) };
  const signInToReady = median((r) => r.signInToReady);
  const signInToFirstRows = median((r) => r.signInToFirstRows);
  // The whole list after sign-in: the pull's own target, on top of the baseline pull.
  const readyTarget = LIMITS.pull * median((r) => r.pullBase);
  const report = [
    `\nmedian of ${rounds.length} rounds (ratio: median of each round's ratio); load average ${loadAverage()}`,
    line(`first pull until the worklist is usable (${counts.alumni} alumni, ${counts.followUps} follow-ups), against a plain overlapped pull`, (r) => r.pull, (r) => r.pullBase, LIMITS.pull),
    `sign-in to the first usable worklist rows, the pull streaming in (${counts.alumni} alumni): ${seconds(signInToFirstRows)} s (target ≤ ${seconds(TARGETS.signInToFirstRows)} s) ${verdict(signInToFirstRows <= TARGETS.signInToFirstRows)}`,
    `sign-in to the whole worklist usable (${counts.alumni} alumni): ${seconds(signInToReady)} s (target ≤ ${LIMITS.pull} × the baseline pull, ${seconds(readyTarget)} s) ${verdict(signInToReady <= readyTarget)}`,
    `worklist offline, navigation to first rows (${counts.alumni} alumni, ${counts.followUps} follow-ups): median ${seconds(worklist)} s (target < ${seconds(TARGETS.worklist)} s) ${verdict(worklist < TARGETS.worklist)}`,
    `search per keystroke: p95 ${search.p95.toFixed(1)} ms, median ${search.median.toFixed(1)} ms (target p95 < ${TARGETS.searchP95} ms) ${verdict(search.p95 < TARGETS.searchP95)}` +
      `; to the next painted frame: median ${median((r) => r.searchFrame).toFixed(1)} ms, p95 ${median((r) => r.searchFrameP95).toFixed(1)} ms`,
    line(`push ${MUTATIONS} mutations, browser to server`, (r) => r.push, (r) => r.pushBase, LIMITS.push),
    line(`push ${MUTATIONS} mutations, server only, against bare prepared upserts`, (r) => r.pushServer, (r) => r.pushServerBase, LIMITS.pushServer),
    `whole bench ${seconds(performance.now() - t0)} s; data in ${dir}`,
  ].join('\n');
  console.log(report);
  if (!ONLY_SYNC) console.log(await benchReports(dir));
  if (!ONLY_SYNC) console.log(await benchOfflineReport(dir));
  writeFileSync(join(dir, 'result.json'), JSON.stringify({ counts, rounds }, null, 2));
}

async function runRound(round: number, template: string, appDist: string, bundles: Bundles): Promise<Round> {
  const appDb = join(dir, `round-${round}-app.db`);
  const bareDb = join(dir, `round-${round}-bare.db`);
  copyFileSync(template, appDb);
  copyFileSync(template, bareDb);
  const app = await startAppServer(appDb, appDist);
  const context = await launchPhone(dir);
  try {
    const page = await context.newPage();
    const signInAt = await signIn(page, app.origin, OFFICER, DEMO_PASSWORD);
    const pull = await timeFirstPull(page, signInAt);
    const user = await currentUser(page, app.origin);
    const screens = await measureOfficerScreens(context, app.origin);
    const worklist = middle(screens.worklistMs);
    const searchMs = { median: middle(screens.keystrokeMs), p95: percentile(screens.keystrokeMs, 0.95) };
    const frameMs = { median: middle(screens.keystrokeFrameMs), p95: percentile(screens.keystrokeFrameMs, 0.95) };
    log(`round ${round}: worklist offline ${seconds(worklist)} s median of ${NAVIGATIONS} navigations (${screens.worklistMs.map((ms) => seconds(ms)).join(', ')}; "${screens.worklistSummary}")`);
    log(`round ${round}: search ${screens.keystrokeMs.length} keystrokes, median ${searchMs.median.toFixed(1)} ms, p95 ${searchMs.p95.toFixed(1)} ms, max ${Math.max(...screens.keystrokeMs).toFixed(1)} ms; to the next painted frame median ${frameMs.median.toFixed(1)} ms, p95 ${frameMs.p95.toFixed(1)} ms`);
    log(`round ${round}: slowest keystrokes (ms): ${slowestKeystrokes(screens.keystrokeMs, 10)}`);

    const bare = await startBareServer(bareDb, user.id, bundles.benchPage);
    try {
      const benchPage = await context.newPage();
      await benchPage.goto(bare.origin);
      const pullBase = await benchPage.evaluate(
        ({ name, size }) => (globalThis as unknown as BenchGlobals).jejakBench.baselinePull(name, size),
        { name: `bench-pull-${round}`, size: DEFAULT_PULL_LIMIT },
      );
      log(`round ${round}: first pull until the worklist is usable ${seconds(pull.ms)} s (pages alone ${seconds(pull.pullOnlyMs)} s; ${pull.pages} pages, ${pull.changes} changes); baseline ${seconds(pullBase.ms)} s (${pullBase.requests} pages, ${pullBase.rows} rows); the servers' own time answering the pages: app ${seconds(app.pullMs())} s, baseline ${seconds(bare.pullMs())} s; sign-in to the first worklist rows ${seconds(pull.signInToFirstRowsMs)} s (${pull.firstRowsSummary}), to the whole worklist ${seconds(pull.signInToReadyMs)} s; load ${loadAverage()}`);

      const appPushBefore = app.pushMs();
      const cyclesBefore = await page.evaluate((mark) => performance.getEntriesByName(mark).length, WORKLIST_READY_MARK);
      const push = await timePush(page, context.setOffline.bind(context), bundles.queueScript, user);
      const pushServer = app.pushMs() - appPushBefore;
      // The app's sync goes on with a pull after its push, and its server then moves its log into the database: both done before the baseline runs beside them.
      await page.waitForFunction(({ mark, before }) => performance.getEntriesByName(mark).length > before, { mark: WORKLIST_READY_MARK, before: cyclesBefore }, { timeout: 240_000, polling: 100 });
      await app.idle();
      const pushBase = await benchPage.evaluate(
        ({ name, rows, size }) => (globalThis as unknown as BenchGlobals).jejakBench.baselinePush(name, rows, size),
        { name: `bench-push-${round}`, rows: push.rows, size: MAX_MUTATIONS_PER_PUSH },
      );
      log(`round ${round}: push ${seconds(push.ms)} s (queued through the mutation layer in ${seconds(push.queueMs)} s); baseline ${seconds(pushBase.ms)} s (${pushBase.requests} posts); server only: app ${seconds(pushServer)} s, bare prepared upserts ${seconds(bare.pushMs())} s; load ${loadAverage()}`);
      return {
        pull: pull.ms,
        signInToFirstRows: pull.signInToFirstRowsMs,
        signInToReady: pull.signInToReadyMs,
        pushServer,
        pushServerBase: bare.pushMs(),
        pullBase: pullBase.ms,
        push: push.ms,
        pushBase: pushBase.ms,
        worklist,
        search: searchMs.median,
        searchP95: searchMs.p95,
        searchFrame: frameMs.median,
        searchFrameP95: frameMs.p95,
        keystrokes: screens.keystrokeMs.length,
      };
    } finally {
      await bare.stop();
    }
  } finally {
    await context.close();
    await app.stop();
  }
}

/**
 * From the engine's first pull start until the worklist is usable: the last page and
 * its cursor committed and then the worklist's due index up to date (the cycle's
 * worklist-ready mark), which is when the officer sees every pulled person. Also from
 * the moment "Masuk" was pressed (`signInAt`, wall clock) to that mark, and to the first
 * worklist rows on screen (the worklist's first-rows mark, set once rows are painted —
 * while the pull is still storing people), with what the list said then.
 */
async function timeFirstPull(page: Page, signInAt: number) {
  const firstRows = page.waitForFunction(() => performance.getEntriesByName('jejak:worklist-first-rows').length > 0, null, { timeout: 240_000, polling: 50 })
    .then(() => page.evaluate(() => document.querySelector('.worklist__summary')?.textContent ?? ''));
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, WORKLIST_READY_MARK, { timeout: 240_000, polling: 100 });
  const firstRowsSummary = await firstRows;
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  const marks = await page.evaluate((readyMark) => {
    const [start, end, ready, firstRows] = ['jejak:pull-start', 'jejak:pull-end', readyMark, 'jejak:worklist-first-rows']
      .map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN) as [number, number, number, number];
    const mark = performance.getEntriesByName('jejak:pull-end')[0] as PerformanceMark | undefined;
    const detail = (mark?.detail ?? {}) as { pages?: number; changes?: number };
    return {
      ms: ready - start, pullOnlyMs: end - start,
      readyWall: performance.timeOrigin + ready, firstRowsWall: performance.timeOrigin + firstRows,
      pages: detail.pages ?? 0, changes: detail.changes ?? 0,
    };
  }, WORKLIST_READY_MARK);
  return { ...marks, signInToReadyMs: marks.readyWall - signInAt, signInToFirstRowsMs: marks.firstRowsWall - signInAt, firstRowsSummary };
}

/**
 * Offline, queues MUTATIONS follow-ups through the app's mutation layer; then back
 * online (the `online` event starts the engine's push) until the outbox is empty.
 */
async function timePush(
  page: Page,
  setOffline: (offline: boolean) => Promise<void>,
  queueScript: string,
  user: { id: string; providerId: string | null },
): Promise<{ ms: number; queueMs: number; rows: Awaited<ReturnType<BenchGlobals['jejakBenchApp']['outboxRows']>> }> {
  // The first cycle has written lastSyncedAt after its pull: nothing else is in flight.
  await page.waitForTimeout(500);
  await setOffline(true);
  await page.evaluate(queueScript);
  const queueStart = performance.now();
  const queued = await page.evaluate(
    ({ id, providerId, count }) => (globalThis as unknown as BenchGlobals).jejakBenchApp.queueFollowUps(id, providerId, count),
    { id: user.id, providerId: user.providerId, count: MUTATIONS },
  );
  const queueMs = performance.now() - queueStart;
  const rows = await page.evaluate((id) => (globalThis as unknown as BenchGlobals).jejakBenchApp.outboxRows(id), user.id);
  if (queued !== MUTATIONS || rows.length !== MUTATIONS) throw new Error(`queued ${queued}, outbox holds ${rows.length}`);
  const emptied = page.evaluate((id) => (globalThis as unknown as BenchGlobals).jejakBenchApp.timeUntilOutboxEmpty(id), user.id);
  await page.waitForTimeout(100);
  await setOffline(false);
  return { ms: await emptied, queueMs, rows };
}

type Bundles = { benchPage: { html: string; script: string }; queueScript: string };

/**
 * The app as `vite build` makes it (bench/vite.bench.config.ts), into .bench/ — dist/
 * may be someone else's build. Others edit this tree while the bench runs: a build that
 * fails is tried again a little later before the bench gives up.
 */
async function buildApp(): Promise<string> {
  const outDir = join(root, '.bench', 'app-dist');
  const args = [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'bench/vite.bench.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'];
  for (let attempt = 1; ; attempt += 1) {
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (result.status === 0) return outDir;
    if (attempt === 3) throw new Error(`vite build failed:\n${result.stderr}`);
    log('vite build failed; trying again in 15 s');
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
}

/** The browser halves of the bench, each one script exposing its functions on the global object. */
async function bundleBenchPages(): Promise<Bundles> {
  const bundle = async (entry: string) => {
    const outfile = join(dir, entry.replace(/\.ts$/, '.js'));
    await build({ entryPoints: [join(root, 'bench/browser', entry)], bundle: true, format: 'iife', target: 'chrome120', outfile, logLevel: 'warning' });
    return readFileSync(outfile, 'utf8');
  };
  const html = '<!doctype html><meta charset="utf-8"><title>jejak bench</title><script src="/bench.js"></script>';
  return { benchPage: { html, script: await bundle('bench-page.ts') }, queueScript: await bundle('queue-follow-ups.ts') };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

function log(message: string): void {
  console.log(message);
}

await main();
