import type { Kysely } from 'kysely';
import type { CohortListQuery } from '../../shared/api/cohorts.api';
import type { Page } from '../../shared/api/page.api';
import type { Cohort } from '../../shared/schema';
import type { ProviderScope } from '../access/scope';
import { toPage } from './page';
import { BOOLEAN_FIELDS, fromRow, toRow } from './rows';
import type { Database } from './schema';

export const COHORT_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'deleted', 'providerId', 'vocationId', 'title', 'fundingSource', 'budgetYear',
  'startDate', 'endDate', 'location', 'seats', 'plannedCertificationDate', 'actualCertificationDate',
] as const;

/** Tombstones included: writers decide what a deleted cohort means for them. */
export async function findCohort(db: Kysely<Database>, id: string): Promise<Cohort | undefined> {
  const row = await db.selectFrom('cohorts').select(COHORT_FIELDS).where('id', '=', id).executeTakeFirst();
  return row && fromRow(row, BOOLEAN_FIELDS.cohorts);
}

/** Live cohorts within `scope`, newest budget year and start first. */
export async function listCohorts(db: Kysely<Database>, scope: ProviderScope, query: CohortListQuery): Promise<{ items: Cohort[]; page: Page }> {
  let select = db
    .selectFrom('cohorts')
    .select(COHORT_FIELDS)
    .where('deleted', '=', 0)
    .orderBy('budgetYear', 'desc')
    .orderBy('startDate', 'desc')
    .orderBy('id')
    .limit(query.limit + 1)
    .offset(query.offset);
  if (scope.kind === 'provider') select = select.where('providerId', '=', scope.providerId);
  if (query.providerId !== undefined) select = select.where('providerId', '=', query.providerId);
  if (query.budgetYear !== undefined) select = select.where('budgetYear', '=', query.budgetYear);
  if (query.fundingSource !== undefined) select = select.where('fundingSource', '=', query.fundingSource);
  const rows = await select.execute();
  return toPage(rows.map((row) => fromRow(row, BOOLEAN_FIELDS.cohorts)), query);
}

export async function insertCohort(db: Kysely<Database>, cohort: Cohort): Promise<void> {
  await db.insertInto('cohorts').values(toRow(cohort)).execute();
}

export async function updateCohortRow(db: Kysely<Database>, cohort: Cohort): Promise<void> {
  const { id, ...fields } = toRow(cohort);
  await db.updateTable('cohorts').set(fields).where('id', '=', id).execute();
}
