import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { useDb } from './DbProvider';
import { countPendingChanges } from './outbox.repository';

/** How many of the user's changes wait to be sent, kept current; null until first counted. */
export function usePendingChanges(): number | null {
  const db = useDb();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const subscription = liveQuery(() => countPendingChanges(db)).subscribe({
      next: setCount,
      error: () => setCount(null),
    });
    return () => subscription.unsubscribe();
  }, [db]);
  return count;
}
