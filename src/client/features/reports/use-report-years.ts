import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { useDb } from '../../storage/DbProvider';
import { localReportYears } from './local-absorption-report';

/**
 * The budget years a report as of `asOf` covers, from this device's cohorts, kept live:
 * right after sign-in the first pull is still arriving, and the press summary's
 * "Sepanjang 2024" must follow it. Empty until read, or if the read fails (the summary
 * then says "Hingga <date>", which is true whatever the years).
 */
export function useReportYears(asOf: string): number[] {
  const db = useDb();
  const [years, setYears] = useState<number[]>([]);
  useEffect(() => {
    const subscription = liveQuery(() => localReportYears(db, asOf)).subscribe({
      next: (next) => setYears((previous) => (previous.join() === next.join() ? previous : next)),
      error: () => setYears([]),
    });
    return () => subscription.unsubscribe();
  }, [db, asOf]);
  return years;
}
