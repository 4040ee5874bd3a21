import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Cohort } from '../../../shared/schema';
import type { JejakDb } from '../../storage/db';
import { useDb } from '../../storage/DbProvider';

/** Follows a Dexie read: undefined until the first answer, then every change of the tables it reads. */
function useLive<T>(read: (db: JejakDb) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const db = useDb();
  const [value, setValue] = useState<{ value: T } | { failure: unknown } | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(() => read(db)).subscribe({
      next: (next) => setValue({ value: next }),
      error: (failure: unknown) => setValue({ failure }),
    });
    return () => subscription.unsubscribe();
    // `read` is rebuilt on every render; `deps` name what it reads.
  }, [db, ...deps]);
  // A database that cannot be read: the error boundary speaks rather than a wrong answer.
  if (value !== undefined && 'failure' in value) throw value.failure;
  return value?.value;
}

/** The live cohorts of a provider on this device, newest first. */
export function useProviderCohorts(providerId: string | null): Cohort[] | undefined {
  return useLive(async (db) => {
    if (providerId === null) return [];
    const cohorts = await db.cohorts.where('providerId').equals(providerId).toArray();
    return cohorts.filter((cohort) => !cohort.deleted).sort((a, b) => b.startDate.localeCompare(a.startDate) || a.title.localeCompare(b.title));
  }, [providerId]);
}

const NONE: ReadonlySet<string> = new Set();

/** The NIKs of everyone enrolled in the cohort, as this device knows them. */
export function useEnrolledNiks(cohortId: string): ReadonlySet<string> {
  return (
    useLive(async (db) => {
      if (cohortId === '') return NONE;
      const enrollments = await db.enrollments.where('cohortId').equals(cohortId).toArray();
      const alumni = await db.alumni.bulkGet(enrollments.filter((enrollment) => !enrollment.deleted).map((enrollment) => enrollment.alumnusId));
      return new Set(alumni.flatMap((alumnus) => (alumnus === undefined ? [] : [alumnus.nik])));
    }, [cohortId]) ?? NONE
  );
}
