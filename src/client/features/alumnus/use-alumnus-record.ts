import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import type { Alumnus, Cohort, Enrollment, FollowUp } from '../../../shared/schema';
import type { JejakDb } from '../../storage/db';
import { useDb } from '../../storage/DbProvider';

export type EnrollmentView = {
  enrollment: Enrollment;
  /** Null while the cohort has not reached this device (a pull still under way). */
  cohort: Cohort | null;
  providerName: string | null;
  vocationName: string | null;
};

export type FollowUpView = { followUp: FollowUp; officerName: string | null; voidedByName: string | null };

export type AlumnusRecord = { alumnus: Alumnus; enrollments: EnrollmentView[]; followUps: FollowUpView[] };

/** `undefined` while the first read runs, `null` when this device holds no such alumnus. */
export type AlumnusLookup = AlumnusRecord | null | undefined;

/**
 * One alumnus with everything the page shows, read from this device only (offline is the
 * normal case) and kept current: a pull, a change in another tab or this page's own
 * edits re-render it.
 */
export function useAlumnusRecord(alumnusId: string): AlumnusLookup {
  const db = useDb();
  const [state, setState] = useState<{ lookup: AlumnusLookup } | { failure: unknown }>({ lookup: undefined });
  useEffect(() => {
    setState({ lookup: undefined });
    const subscription = liveQuery(() => readAlumnus(db, alumnusId)).subscribe({
      next: (lookup) => setState({ lookup }),
      error: (failure: unknown) => setState({ failure }),
    });
    return () => subscription.unsubscribe();
  }, [db, alumnusId]);
  // A database that cannot be read says nothing true about the alumnus: the error boundary speaks instead.
  if ('failure' in state) throw state.failure;
  return state.lookup;
}

async function readAlumnus(db: JejakDb, alumnusId: string): Promise<AlumnusRecord | null> {
  const alumnus = await db.alumni.get(alumnusId);
  if (alumnus === undefined || alumnus.deleted) return null;

  const enrollments = (await db.enrollments.where('alumnusId').equals(alumnusId).toArray()).filter((row) => !row.deleted);
  const cohorts = await db.cohorts.bulkGet(enrollments.map((row) => row.cohortId));
  const providers = await namesOf(db.providers, cohorts.map((cohort) => cohort?.providerId));
  const vocations = await namesOf(db.vocations, cohorts.map((cohort) => cohort?.vocationId));

  const followUps = await db.followUps.where('alumnusId').equals(alumnusId).toArray();
  followUps.sort(newestFirst);
  const users = await db.users.bulkGet(unique(followUps.flatMap((row) => [row.officerId, row.voidedBy])));
  const userNames = new Map(users.flatMap((user) => (user === undefined ? [] : [[user.id, user.displayName] as const])));

  return {
    alumnus,
    enrollments: enrollments
      .map((enrollment, index) => {
        const cohort = cohorts[index];
        return cohort === undefined || cohort.deleted
          ? { enrollment, cohort: null, providerName: null, vocationName: null }
          : { enrollment, cohort, providerName: providers.get(cohort.providerId) ?? null, vocationName: vocations.get(cohort.vocationId) ?? null };
      })
      .sort((a, b) => (b.cohort?.startDate ?? '').localeCompare(a.cohort?.startDate ?? '')),
    followUps: followUps.map((followUp) => ({
      followUp,
      officerName: userNames.get(followUp.officerId) ?? null,
      voidedByName: followUp.voidedBy === null ? null : (userNames.get(followUp.voidedBy) ?? null),
    })),
  };
}

async function namesOf(table: JejakDb['providers'] | JejakDb['vocations'], ids: readonly (string | undefined)[]): Promise<Map<string, string>> {
  const rows = await table.bulkGet(unique(ids));
  return new Map(rows.flatMap((row) => (row === undefined ? [] : [[row.id, row.name] as const])));
}

function unique(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}

/** By the instant of contact (stored strings may carry different offsets), then by when it was logged. */
function newestFirst(a: FollowUp, b: FollowUp): number {
  return Date.parse(b.contactedAt) - Date.parse(a.contactedAt) || b.createdAt.localeCompare(a.createdAt);
}
