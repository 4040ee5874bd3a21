import type { BrowserContext, Page } from 'playwright-core';

/**
 * The officer's two screens over a full device database, offline: the worklist from
 * navigation to its first row on screen, and the alumni search from each keystroke to
 * its results rendered. Runs in a page of its own (closed afterwards) in the signed-in
 * context, after the first pull has filled IndexedDB; the context is back online when
 * it returns.
 */

export const NAVIGATIONS = 5;

/**
 * What an officer types: parts of names from the demo's pools (some with no match), NIK
 * fragments (Bontang's start 6474) and phone numbers as people write them. Each query is
 * typed from an empty box, one key at a time; clearing the box is not measured.
 */
export const QUERIES = [
  'andi rahman',
  'budi santoso',
  'sri wahyuni',
  'dewi',
  'agus setiawan',
  'muh ilham',
  'hasnah syam',
  'eko prasetyo',
  'rina kurnia',
  '6474012',
  '64740311',
  '0812-345',
  '+62 813 52',
  '0852 47',
  'nur aini',
] as const;

export type ScreensResult = {
  /** Milliseconds from navigation start to the frame after the first worklist row was added, one per navigation. */
  worklistMs: number[];
  /** Rows in the worklist summary, for the log. */
  worklistSummary: string;
  /** Per keystroke: input event to results in the DOM with style and layout done. */
  keystrokeMs: number[];
  /** Per keystroke: input event to the next animation frame after it (includes waiting for vsync). */
  keystrokeFrameMs: number[];
};

const ROW = 'li.worklist-row';
/** Shown with the whole list, once every row has been read. */
const WHOLE_LIST = '.worklist-filters';
const SEARCH_INPUT = 'form[role="search"] input[name="q"]';
const SEARCH_STATUS = 'p.alumni__status';

/**
 * Installed before the app's scripts on every navigation of the bench page: on `/`,
 * watches the DOM for the first worklist row and marks the next frame after it
 * (`requestAnimationFrame`, then a task: that frame has been painted). Navigation
 * timing's origin is the navigation's start, so the mark's time is the figure.
 */
function watchFirstRow(selector: string): void {
  if (location.pathname !== '/') return;
  const found = () => {
    requestAnimationFrame(() => setTimeout(() => performance.mark('bench:worklist-row')));
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector) === null) return;
    observer.disconnect();
    found();
  });
  observer.observe(document, { childList: true, subtree: true });
}

export async function measureOfficerScreens(context: BrowserContext, origin: string): Promise<ScreensResult> {
  const page = await context.newPage();
  try {
    // tsx compiles with esbuild's keepNames, which wraps named inner functions in a
    // `__name` helper; functions sent to the page need it there too.
    await page.addInitScript('globalThis.__name ??= (fn) => fn;');
    await page.addInitScript(watchFirstRow, ROW);
    // Loaded once online, so the service worker controls the page before the cut.
    await page.goto(`${origin}/`);
    await page.waitForSelector(ROW, { timeout: 120_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);

    const worklistMs: number[] = [];
    let worklistSummary = '';
    for (let i = 0; i < NAVIGATIONS; i += 1) {
      await page.goto(`${origin}/`, { waitUntil: 'commit' });
      await page.waitForFunction(() => performance.getEntriesByName('bench:worklist-row').length > 0, null, { timeout: 120_000, polling: 50 });
      const timing = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0];
        const mark = performance.getEntriesByName('bench:worklist-row')[0];
        return {
          ms: (mark?.startTime ?? NaN) - (navigation?.startTime ?? 0),
          summary: document.querySelector('.worklist__summary')?.textContent ?? '',
          controlled: navigator.serviceWorker.controller !== null,
        };
      });
      if (!timing.controlled) throw new Error('the worklist page was not served by the service worker offline');
      worklistMs.push(timing.ms);
      worklistSummary = timing.summary;
      // The next navigation starts once this page has read the whole list (its filters
      // shown), as when an officer opens the app: started earlier, its database open
      // waited for this page's read of every row, 150–250 ms of each figure here.
      await page.waitForSelector(WHOLE_LIST, { timeout: 120_000 });
    }

    const search = await measureSearch(page, origin);
    return { worklistMs, worklistSummary, ...search };
  } finally {
    await context.setOffline(false);
    await page.close();
  }
}

async function measureSearch(page: Page, origin: string): Promise<Pick<ScreensResult, 'keystrokeMs' | 'keystrokeFrameMs'>> {
  await page.goto(`${origin}/alumni`);
  await page.waitForSelector(SEARCH_INPUT);
  // The index is ready once the status counts the alumni on the device.
  await page.waitForFunction(
    ({ input, status }) => document.querySelector(input) !== null && /\d/.test(document.querySelector(status)?.textContent ?? ''),
    { input: SEARCH_INPUT, status: SEARCH_STATUS },
    { timeout: 120_000, polling: 50 },
  );
  return page.evaluate(
    async ({ queries, input: inputSelector, status: statusSelector }) => {
      const input = document.querySelector<HTMLInputElement>(inputSelector);
      if (input === null) throw new Error('no search box');
      const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
      const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const type = (value: string) => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
      const keystrokeMs: number[] = [];
      const keystrokeFrameMs: number[] = [];
      input.focus();
      for (const query of queries) {
        type('');
        await nextFrame();
        await pause(50);
        for (let length = 1; length <= query.length; length += 1) {
          // Starts at the next frame's beginning, as a key press arrives between frames.
          await nextFrame();
          await nextTask();
          const started = performance.now();
          type(query.slice(0, length));
          // Preact renders in a microtask; a task after it finds the DOM updated. Reading
          // layout then makes the browser do the style and layout work the frame needs.
          await nextTask();
          document.body.getBoundingClientRect();
          const rendered = performance.now();
          await nextFrame();
          await nextTask();
          const framed = performance.now();
          const after = document.querySelector(statusSelector)?.textContent;
          if (after === undefined) throw new Error(`no search status after typing "${query.slice(0, length)}"`);
          keystrokeMs.push(rendered - started);
          keystrokeFrameMs.push(framed - started);
          // About six keys a second, as a quick thumb types.
          await pause(120);
        }
      }
      type('');
      return { keystrokeMs, keystrokeFrameMs };
    },
    { queries: [...QUERIES], input: SEARCH_INPUT, status: SEARCH_STATUS },
  );
}

/**
 * The slowest keystrokes with what the box held after each, for the log: the keystrokes
 * are typed in QUERIES order, one key at a time, so their order names them.
 */
export function slowestKeystrokes(keystrokeMs: readonly number[], count: number): string {
  const typed = QUERIES.flatMap((query) => Array.from(query, (_, length) => query.slice(0, length + 1)));
  return keystrokeMs
    .map((ms, n) => ({ ms, text: typed[n] ?? '?' }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map(({ ms, text }) => `"${text}" ${ms.toFixed(1)}`)
    .join(', ');
}

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}
