import type { Kysely } from 'kysely';
import type { AbsorptionQuery, AbsorptionReport } from '../../shared/api/reports.api';
import type { Database } from '../db/schema';
import { absorptionAggregate, aggregateCoverage } from './absorption-aggregate';
import type { CohortFilter } from './cohort-filter';
import { namesOf } from '../../shared/domain/report-names';
import { loadReportNames } from './report-names';

/**
 * The supervisor's absorption report: the shared rule's figures (the same rule the
 * dashboard runs offline over the device's data), computed by the database from each
 * person's status steps (absorption-aggregate.ts), plus display names.
 */
export async function absorptionReport(db: Kysely<Database>, query: AbsorptionQuery, filter: CohortFilter = {}): Promise<AbsorptionReport> {
  const [{ total, groups, selfReportStatuses }, names] = await Promise.all([
    absorptionAggregate(db, query.asOf, query.groupBy, filter),
    loadReportNames(db, query.groupBy),
  ]);
  return {
    asOf: query.asOf,
    groupBy: query.groupBy,
    total,
    groups: groups.map((group) => ({ ...group, names: namesOf(group.keys, names) })),
    selfReport: await aggregateCoverage(db, query.asOf, selfReportStatuses, filter),
  };
}
