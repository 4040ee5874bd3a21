import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { AbsorptionCohort, AbsorptionEnrollment, AbsorptionInput } from '../../shared/domain/absorption';
import type { CoverageFollowUp, CoverageLink } from '../../shared/domain/self-report-coverage';
import { addDays, type IsoDate } from '../../shared/domain/dates';
import type { Database } from '../db/schema';
import type { CohortFilter } from './cohort-filter';

export type AbsorptionRecords = Pick<AbsorptionInput, 'cohorts' | 'enrollments'> & {
  followUps: CoverageFollowUp[];
  /** The self-report links, for the report's coverage figures (four columns each). */
  links: CoverageLink[];
};

/**
 * What the absorption rule reads, and only that: seven columns of each cohort and
 * enrollment, six of each follow-up. With 20,000 alumni and 100,000 follow-ups that is
 * a few megabytes, where whole rows (notes, employer, GPS…) would be several times more.
 * Each follow-up's channel comes too: the report says how many statuses alumni gave themselves.
 * Voided follow-ups and contacts after `asOf` never count, so they stay in the database.
 */
export async function loadAbsorptionRecords(db: Kysely<Database>, asOf: IsoDate, filter: CohortFilter = {}): Promise<AbsorptionRecords> {
  const cohortRows = await filteredCohorts(db.selectFrom('cohorts'), filter)
    .select(['id', 'deleted', 'startDate', 'budgetYear', 'fundingSource', 'providerId', 'vocationId'])
    .execute();
  const cohorts: AbsorptionCohort[] = cohortRows.map((row) => ({ ...row, deleted: row.deleted !== 0 }));

  const filtered = Object.values(filter).some((value) => value !== undefined);
  const cohortIds = filtered ? cohorts.map((cohort) => cohort.id) : null;
  if (cohortIds?.length === 0) return { cohorts, enrollments: [], followUps: [], links: [] };

  let enrollmentQuery = db
    .selectFrom('enrollments')
    .select(['cohortId', 'alumnusId', 'deleted', 'outcome', 'graduationDate', 'certification', 'certificationIssuedDate'])
    .where('deleted', '=', 0);
  if (filtered) enrollmentQuery = enrollmentQuery.where('cohortId', 'in', filteredCohorts(db.selectFrom('cohorts'), filter).select('id'));
  const enrollments: AbsorptionEnrollment[] = (await enrollmentQuery.execute()).map((row) => ({ ...row, deleted: false }));

  let followUpQuery = db
    .selectFrom('followUps')
    .select(['id', 'alumnusId', 'contactedAt', 'createdAt', 'reached', 'status', 'voidedAt', 'channel'])
    .where('voidedAt', 'is', null)
    // Contacts after the as-of day never count. Stored instants are UTC (`…Z`), so text
    // order is time order; two days' margin covers any office zone, the rule cuts exactly.
    .where('contactedAt', '<', addDays(asOf, 2));
  if (filtered) {
    followUpQuery = followUpQuery.where(
      'alumnusId',
      'in',
      db
        .selectFrom('enrollments')
        .select('alumnusId')
        .where('deleted', '=', 0)
        .where('cohortId', 'in', filteredCohorts(db.selectFrom('cohorts'), filter).select('id')),
    );
  }
  const followUps: CoverageFollowUp[] = (await followUpQuery.execute()).map((row) => ({ ...row, reached: row.reached !== 0 }));
  // Every link made by then (the rule keeps those of the report's people); a day's margin as above.
  const links = await db
    .selectFrom('selfReportLinks')
    .select(['alumnusId', 'createdAt', 'answeredAt', 'withdrawnAt'])
    .where('createdAt', '<', addDays(asOf, 2))
    .execute();
  return { cohorts, enrollments, followUps, links };
}

/** Narrows a query over `cohorts` to the filter. */
export function filteredCohorts<O>(query: SelectQueryBuilder<Database, 'cohorts', O>, filter: CohortFilter): SelectQueryBuilder<Database, 'cohorts', O> {
  let narrowed = query.where('cohorts.deleted', '=', 0);
  if (filter.provider !== undefined) narrowed = narrowed.where('cohorts.providerId', '=', filter.provider);
  if (filter.fundingSource !== undefined) narrowed = narrowed.where('cohorts.fundingSource', '=', filter.fundingSource);
  if (filter.year !== undefined) narrowed = narrowed.where('cohorts.budgetYear', '=', filter.year);
  if (filter.cohort !== undefined) narrowed = narrowed.where('cohorts.id', '=', filter.cohort);
  return narrowed;
}
