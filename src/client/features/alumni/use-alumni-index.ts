import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { searchIndexOf, type SearchEntry } from '../../../shared/domain/search';
import type { Alumnus } from '../../../shared/schema';
import type { JejakDb } from '../../storage/db';
import { useDb } from '../../storage/DbProvider';

export type AlumniIndex = {
  /** Prepared once per load, in name order: a keystroke is then one pass of string compares. */
  entries: SearchEntry[];
  byId: Map<string, Alumnus>;
};

/**
 * The last index prepared for each database. Coming back from an alumnus's page then
 * shows the same results at once, instead of after reading 20,000 rows again; the live
 * query still runs and replaces it if anything changed.
 */
const lastIndex = new WeakMap<JejakDb, AlumniIndex>();

/**
 * Every alumnus this device holds (the officer's whole scope, offline), ready to search,
 * and prepared again whenever a pull or an edit changes the table. `undefined` while the
 * first read runs.
 */
export function useAlumniIndex(): AlumniIndex | undefined {
  const db = useDb();
  const [state, setState] = useState<{ index: AlumniIndex | undefined } | { failure: unknown }>(() => ({ index: lastIndex.get(db) }));
  useEffect(() => {
    const subscription = liveQuery(() => db.alumni.toArray()).subscribe({
      next: (rows) => {
        const alumni = rows.filter((alumnus) => !alumnus.deleted);
        const index = { entries: searchIndexOf(alumni), byId: new Map(alumni.map((alumnus) => [alumnus.id, alumnus])) };
        lastIndex.set(db, index);
        setState({ index });
      },
      error: (failure: unknown) => setState({ failure }),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  // A database that cannot be read says nothing true about who is there: the error boundary speaks instead.
  if ('failure' in state) throw state.failure;
  return state.index;
}
