import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { JejakDb } from '../../storage/db';
import { useDb } from '../../storage/DbProvider';

/**
 * A read of this device's database, kept current: a pull, another tab or this screen's
 * own changes re-run it. `undefined` while the first read runs. A database that cannot
 * be read says nothing true: the error boundary speaks instead.
 */
export function useLocalRead<T>(read: (db: JejakDb) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const db = useDb();
  const [state, setState] = useState<{ value: T | undefined } | { failure: unknown }>({ value: undefined });
  useEffect(() => {
    setState({ value: undefined });
    const subscription = liveQuery(() => read(db)).subscribe({
      next: (value) => setState({ value }),
      error: (failure: unknown) => setState({ failure }),
    });
    return () => subscription.unsubscribe();
    // `read` is rebuilt each render; what it reads is named by `deps`.
  }, [db, ...deps]);
  if ('failure' in state) throw state.failure;
  return state.value;
}
