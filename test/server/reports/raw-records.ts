import type { Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';
import type { CohortFilter } from '../../../src/server/reports/cohort-filter';
import type { AbsorptionCohort, AbsorptionEnrollment, AbsorptionInput } from '../../../src/shared/domain/absorption';
import type { CoverageFollowUp, CoverageLink } from '../../../src/shared/domain/self-report-coverage';

export type RawRecords = Pick<AbsorptionInput, 'cohorts' | 'enrollments'> & { followUps: CoverageFollowUp[]; links: CoverageLink[] };

/**
 * Every stored record the absorption rule reads, as the device holds them, narrowed to
 * the filter here in plain code rather than by the server's SQL (reports/cohort-filter.ts),
 * so the property tests compare the report with the rule read straight from the words
 * of the filter: the cohorts matching every field given, their enrolments, and everyone's
 * contacts and links (the rule itself keeps the days, voids, deletions and people).
 */
export async function loadRawRecords(db: Kysely<Database>, filter: CohortFilter = {}): Promise<RawRecords> {
  const cohortRows = await db.selectFrom('cohorts').select(['id', 'deleted', 'startDate', 'budgetYear', 'fundingSource', 'providerId', 'vocationId']).execute();
  const cohorts: AbsorptionCohort[] = cohortRows
    .map((row) => ({ ...row, deleted: row.deleted !== 0 }))
    .filter(
      (cohort) =>
        (filter.provider === undefined || cohort.providerId === filter.provider) &&
        (filter.fundingSource === undefined || cohort.fundingSource === filter.fundingSource) &&
        (filter.year === undefined || cohort.budgetYear === filter.year) &&
        (filter.cohort === undefined || cohort.id === filter.cohort),
    );
  const kept = new Set(cohorts.map((cohort) => cohort.id));
  const enrollments: AbsorptionEnrollment[] = (
    await db.selectFrom('enrollments').select(['cohortId', 'alumnusId', 'deleted', 'outcome', 'graduationDate', 'certification', 'certificationIssuedDate']).execute()
  )
    .map((row) => ({ ...row, deleted: row.deleted !== 0 }))
    .filter((enrollment) => kept.has(enrollment.cohortId));
  const followUps: CoverageFollowUp[] = (
    await db.selectFrom('followUps').select(['id', 'alumnusId', 'contactedAt', 'createdAt', 'reached', 'status', 'voidedAt', 'channel']).execute()
  ).map((row) => ({ ...row, reached: row.reached !== 0 }));
  const links = await db.selectFrom('selfReportLinks').select(['alumnusId', 'createdAt', 'answeredAt', 'withdrawnAt']).execute();
  return { cohorts, enrollments, followUps, links };
}
