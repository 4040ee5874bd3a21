import { Dexie, liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { addDays, dateInZone, type IsoDate } from '../../../shared/domain/dates';
import { compareWorklistRows, worklistRow, type WorklistRow } from '../../../shared/domain/worklist';
import type { Cohort } from '../../../shared/schema';
import { DUE_INDEX_REBUILD, type JejakDb } from '../../storage/db';
import { useDb } from '../../storage/DbProvider';
import { readMeta } from '../../storage/meta.repository';
import { rebuildStaleDueIndex } from '../../sync/due-index';
import { ROWS_PER_STEP } from './WorklistGroup';

export type Worklist = {
  /** Everyone due, overdue first (see buildWorklist); while not `complete`, only each bucket's first rows. */
  rows: WorklistRow[];
  /** False while only the first rows have been read: the filters wait for the rest. */
  complete: boolean;
  /** The day the list was computed for, in the office's zone. */
  today: IsoDate;
  /** Live cohorts and provider names, for the filters' choices (empty while not `complete`). */
  cohorts: Map<string, Cohort>;
  providerNames: Map<string, string>;
  /**
   * While the device's first pull is still storing people: how many of how many (`total`
   * null until the server has said). `rows` are then the first rows of those stored so
   * far, each right for its person; the list grows as the pull goes on.
   */
  loading: FirstPullProgress | null;
};

export type FirstPullProgress = { sent: number; total: number | null };

/** Marked once a page load has put worklist rows on screen, complete or not. */
export const WORKLIST_FIRST_ROWS_MARK = 'jejak:worklist-first-rows';

/**
 * The last list computed for each database. The officer's round trip (list → person →
 * log a contact → back) then finds the list at once, instead of after reading every
 * table again; the live query still runs and replaces it with what changed.
 */
const lastWorklist = new WeakMap<JejakDb, Worklist>();

/**
 * How often the first rows are read again while a first pull is storing people: every
 * quarter second until some are on screen (the officer is looking at an empty list), then
 * every two seconds. Once rows are on screen they change only this often, not with each
 * stored page: laying the list out again after every page kept the main thread from the
 * pull a sixth of its time. On the bench's first pull (means of three): 24.6 s with no
 * list on screen, 29.8 s with 50 rows a heading redrawn after every page, 26.6 s with 12
 * a heading every two seconds.
 */
const FIRST_PULL_POLL_MS = 2_000;
const EMPTY_LIST_POLL_MS = 250;

/**
 * Rows per heading read for the very first paint when the app opens: more than the
 * largest screen shows whole (nine rows at 1440 × 900). Fifty per heading, each card
 * with its icons, made the paint one task of 85–180 ms on the bench machine; the whole
 * list follows at once.
 */
const FIRST_SCREEN_ROWS = 12;

/**
 * The officer's worklist, computed on this device from local data only (offline is the
 * normal case) and read again whenever a pull, another tab or a logged contact changes
 * it. `undefined` while the first read on this database runs.
 *
 * It reads the due index (one stored row per alumnus due, kept current by every write;
 * see sync/due-index.ts), never the tables it is computed from: first each heading's
 * first rows, by index (milliseconds, so the screen fills at once on a cheap phone
 * with 20,000 alumni), then every row, for the counts and the filters.
 */
export function useWorklist(): Worklist | undefined {
  const db = useDb();
  const [state, setState] = useState<{ worklist: Worklist | undefined } | { failure: unknown }>(() => ({ worklist: lastWorklist.get(db) }));
  useEffect(() => {
    let stopped = false;
    let complete = false;
    let loading = false;
    let listed = false;
    let lastShown = 0;
    const show = (worklist: Worklist) => {
      // The first rows never replace the whole list, unless a first pull starts over.
      if (stopped || (complete && !worklist.complete && worklist.loading === null)) return;
      // While a first pull stores people, rows on screen change at most every FIRST_PULL_POLL_MS.
      if (worklist.loading !== null && listed && loading && performance.now() - lastShown < FIRST_PULL_POLL_MS) return;
      lastShown = performance.now();
      complete ||= worklist.complete;
      loading = worklist.loading !== null;
      listed = worklist.rows.length > 0;
      lastWorklist.set(db, worklist);
      setState({ worklist });
    };
    const fail = (failure: unknown) => {
      if (!stopped) setState({ failure });
    };
    let unsubscribe = () => {};
    ensureDueIndex(db).then(
      async () => {
        // The first rows before the whole list: reading every row at the same time would
        // make the few the officer sees first wait behind the rest.
        if (!stopped && lastWorklist.get(db) === undefined) await readFirstRows(db, FIRST_SCREEN_ROWS).then(show, fail);
        if (stopped) return;
        const subscription = liveQuery(() => readLiveWorklist(db)).subscribe({ next: show, error: fail });
        // While a first pull stores people the live query was seen not to run again
        // after its first answer on a large pull: the first rows are also read again
        // until the pull is done (three small indexed reads each).
        const poll = setInterval(() => {
          if (!loading || stopped || (listed && performance.now() - lastShown < FIRST_PULL_POLL_MS)) return;
          readLiveWorklist(db).then(show, fail);
        }, EMPTY_LIST_POLL_MS);
        unsubscribe = () => {
          clearInterval(poll);
          subscription.unsubscribe();
        };
      },
      fail,
    );
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [db]);
  // A database that cannot be read says nothing true about who is due: the error boundary speaks instead.
  if ('failure' in state) throw state.failure;
  return state.worklist;
}

/**
 * After a large pull or an app upgrade the index is stale: it is built again from the
 * tables first (a few seconds with 20,000 alumni; the sync cycle usually did it already).
 */
async function ensureDueIndex(db: JejakDb): Promise<void> {
  if ((await db.meta.get(DUE_INDEX_REBUILD)) === undefined) return;
  await rebuildStaleDueIndex(db);
}

/**
 * The whole list — or, while the first pull is storing people, only each heading's first
 * screen of rows and the progress: reading every row again after each stored page would
 * make the pull wait behind the screen, and so would laying out fifty cards a heading.
 */
async function readLiveWorklist(db: JejakDb): Promise<Worklist> {
  // The progress and the rows from one snapshot: a page stored between the two reads
  // would list people the count does not include yet ("0 dari 20.000" beside rows).
  const first = await db.transaction('r', db.meta, db.dueIndex, async () => {
    const loading = await firstPullProgress(db);
    return loading === null ? null : { ...(await readFirstRows(db, FIRST_SCREEN_ROWS)), loading };
  });
  return first ?? readWorklist(db);
}

/**
 * How far the first pull is: its stored progress while it goes person by person, or
 * "starting" while nothing at all was pulled on this device yet (no cursor, no rows).
 */
async function firstPullProgress(db: JejakDb): Promise<FirstPullProgress | null> {
  const [progress, cursor] = await Promise.all([readMeta(db, 'firstPull'), readMeta(db, 'cursor')]);
  if (progress !== undefined) return progress;
  if (cursor !== undefined || (await db.dueIndex.limit(1).count()) > 0) return null;
  return { sent: 0, total: null };
}

async function readFirstRows(db: JejakDb, perHeading = ROWS_PER_STEP): Promise<Worklist> {
  const today = dateInZone(new Date());
  const weekEnds = addDays(today, 6);
  const byDue = db.dueIndex.where('[dueDate+sortName]');
  const { minKey, maxKey } = Dexie;
  const [overdue, thisWeek, later] = await db.transaction('r', db.dueIndex, () =>
    Promise.all([
      byDue.between([minKey, minKey], [today, minKey]).limit(perHeading).toArray(),
      byDue.between([today, minKey], [weekEnds, maxKey], true, true).limit(perHeading).toArray(),
      byDue.above([weekEnds, maxKey]).limit(perHeading).toArray(),
    ]),
  );
  return {
    rows: [...overdue, ...thisWeek, ...later].map((entry) => worklistRow(entry, today)).sort(compareWorklistRows),
    complete: false,
    today,
    cohorts: new Map(),
    providerNames: new Map(),
    loading: null,
  };
}

async function readWorklist(db: JejakDb): Promise<Worklist> {
  const [entries, cohorts, providers] = await db.transaction('r', [db.dueIndex, db.cohorts, db.providers], () =>
    Promise.all([db.dueIndex.toArray(), db.cohorts.toArray(), db.providers.toArray()]),
  );
  const today = dateInZone(new Date());
  const rows = entries.map((entry) => worklistRow(entry, today)).sort(compareWorklistRows);
  return {
    rows,
    complete: true,
    today,
    cohorts: new Map(cohorts.filter((cohort) => !cohort.deleted).map((cohort) => [cohort.id, cohort])),
    providerNames: new Map(providers.filter((provider) => !provider.deleted).map((provider) => [provider.id, provider.name])),
    loading: null,
  };
}
