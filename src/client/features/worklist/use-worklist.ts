import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { dateInZone, type IsoDate } from '../../../shared/domain/dates';
import { buildWorklist, type WorklistRow } from '../../../shared/domain/worklist';
import type { Cohort } from '../../../shared/schema';
import type { JejakDb } from '../../storage/db';
import { useDb } from '../../storage/DbProvider';

export type Worklist = {
  /** Everyone due, overdue first (see buildWorklist). */
  rows: WorklistRow[];
  /** The day the list was computed for, in the office's zone. */
  today: IsoDate;
  /** Live cohorts and provider names, for the filters' choices. */
  cohorts: Map<string, Cohort>;
  providerNames: Map<string, string>;
};

/**
 * The last list computed for each database. The officer's round trip (list → person →
 * log a contact → back) then finds the list at once, instead of after reading every
 * table again; the live query still runs and replaces it with what changed.
 */
const lastWorklist = new WeakMap<JejakDb, Worklist>();

/**
 * The officer's worklist, computed on this device from local data only (offline is the
 * normal case) and recomputed whenever a pull, another tab or a logged contact changes
 * the tables it reads. `undefined` while the first read on this database runs.
 *
 * Each table is read whole, in parallel, inside one read transaction: a pull page
 * committing half-way cannot leave a follow-up without its alumnus. The rule then runs
 * once per read, not once per render, so filtering and "show more" stay instant.
 */
export function useWorklist(): Worklist | undefined {
  const db = useDb();
  const [state, setState] = useState<{ worklist: Worklist | undefined } | { failure: unknown }>(() => ({ worklist: lastWorklist.get(db) }));
  useEffect(() => {
    const subscription = liveQuery(() => readWorklist(db)).subscribe({
      next: (worklist) => {
        lastWorklist.set(db, worklist);
        setState({ worklist });
      },
      error: (failure: unknown) => setState({ failure }),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  // A database that cannot be read says nothing true about who is due: the error boundary speaks instead.
  if ('failure' in state) throw state.failure;
  return state.worklist;
}

async function readWorklist(db: JejakDb): Promise<Worklist> {
  const [alumni, enrollments, cohorts, followUps, providers] = await db.transaction(
    'r',
    [db.alumni, db.enrollments, db.cohorts, db.followUps, db.providers],
    () => Promise.all([db.alumni.toArray(), db.enrollments.toArray(), db.cohorts.toArray(), db.followUps.toArray(), db.providers.toArray()]),
  );
  const today = dateInZone(new Date());
  return {
    rows: buildWorklist({ alumni, enrollments, cohorts, followUps }, today),
    today,
    cohorts: new Map(cohorts.filter((cohort) => !cohort.deleted).map((cohort) => [cohort.id, cohort])),
    providerNames: new Map(providers.filter((provider) => !provider.deleted).map((provider) => [provider.id, provider.name])),
  };
}
