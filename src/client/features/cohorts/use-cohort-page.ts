import { dateInZone } from '../../../shared/domain/dates';
import { statusAsOf, type StatusAsOf } from '../../../shared/domain/status-as-of';
import type { Alumnus, Cohort, Enrollment, FollowUp } from '../../../shared/schema';
import type { JejakDb } from '../../storage/db';
import { conflictsOf, type Conflict } from './conflicts-of';
import { useLocalRead } from './use-local-read';
import { rejectedEntries } from '../../storage/outbox.repository';

/** One participant as the cohort page shows them; `alumnus` null while a pull brings the person. */
export type Participant = { enrollment: Enrollment; alumnus: Alumnus | null; status: StatusAsOf };

export type CohortPageData = {
  cohort: Cohort;
  providerName: string | null;
  vocationName: string | null;
  /** By name, so a clerk finds a person as on the paper list. */
  participants: Participant[];
  conflicts: Conflict[];
};

/** `undefined` while the first read runs, `null` when this device holds no such cohort. */
export function useCohortPage(cohortId: string): CohortPageData | null | undefined {
  return useLocalRead((db) => readCohortPage(db, cohortId), [cohortId]);
}

async function readCohortPage(db: JejakDb, cohortId: string): Promise<CohortPageData | null> {
  return db.transaction('r', [db.cohorts, db.providers, db.vocations, db.enrollments, db.alumni, db.followUps, db.outbox], async () => {
    const cohort = await db.cohorts.get(cohortId);
    if (cohort === undefined || cohort.deleted) return null;
    const [provider, vocation, rows] = await Promise.all([
      db.providers.get(cohort.providerId),
      db.vocations.get(cohort.vocationId),
      db.enrollments.where('cohortId').equals(cohortId).toArray(),
    ]);
    const enrollments = rows.filter((row) => !row.deleted);
    const alumnusIds = enrollments.map((row) => row.alumnusId);
    const [alumni, followUps, refused] = await Promise.all([
      db.alumni.bulkGet(alumnusIds),
      db.followUps.where('alumnusId').anyOf(alumnusIds).toArray(),
      rejectedEntries(db),
    ]);
    const byAlumnus = new Map<string, FollowUp[]>();
    for (const followUp of followUps) byAlumnus.set(followUp.alumnusId, [...(byAlumnus.get(followUp.alumnusId) ?? []), followUp]);
    const today = dateInZone(new Date());
    const participants = enrollments.map((enrollment, index) => {
      const alumnus = alumni[index];
      return {
        enrollment,
        alumnus: alumnus === undefined || alumnus.deleted ? null : alumnus,
        status: statusAsOf(byAlumnus.get(enrollment.alumnusId) ?? [], today),
      };
    });
    participants.sort((a, b) => (a.alumnus?.name ?? '').localeCompare(b.alumnus?.name ?? '') || a.enrollment.id.localeCompare(b.enrollment.id));
    return {
      cohort,
      providerName: provider?.name ?? null,
      vocationName: vocation?.name ?? null,
      participants,
      conflicts: conflictsOf(refused, cohortId, new Set(enrollments.map((row) => row.id))),
    };
  });
}
