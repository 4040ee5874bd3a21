import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { FundingSource } from '../../shared/schema/cohort.schema';
import type { Database } from '../db/schema';

/**
 * Which cohorts a report or export covers; every field narrows, none means all.
 * Alumni and follow-ups follow the cohorts: a person belongs to the cohorts they enrolled in.
 */
export type CohortFilter = {
  provider?: string | undefined;
  fundingSource?: FundingSource | undefined;
  year?: number | undefined;
  cohort?: string | undefined;
};

/**
 * The one definition of the cohorts a filter keeps: live cohorts matching every field
 * given. SQL over `cohorts` under `alias`; it spells the columns in snake_case itself, so
 * it serves builder queries (camelCase plugin) and plain SQL on a handle without plugins.
 */
export function keptCohorts(filter: CohortFilter, alias = 'cohorts'): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions = [sql`${column('deleted')} = 0`];
  if (filter.provider !== undefined) conditions.push(sql`${column('provider_id')} = ${filter.provider}`);
  if (filter.fundingSource !== undefined) conditions.push(sql`${column('funding_source')} = ${filter.fundingSource}`);
  if (filter.year !== undefined) conditions.push(sql`${column('budget_year')} = ${filter.year}`);
  if (filter.cohort !== undefined) conditions.push(sql`${column('id')} = ${filter.cohort}`);
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/** Narrows a query over `cohorts` to the filter. */
export function filteredCohorts<O>(query: SelectQueryBuilder<Database, 'cohorts', O>, filter: CohortFilter): SelectQueryBuilder<Database, 'cohorts', O> {
  return query.where(keptCohorts(filter));
}
