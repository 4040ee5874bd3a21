import type { Kysely } from 'kysely';
import type { AbsorptionQuery, AbsorptionReport } from '../../shared/api/reports.api';
import { absorptionFigures } from '../../shared/domain/absorption';
import { selfReportCoverage } from '../../shared/domain/self-report-coverage';
import type { Database } from '../db/schema';
import { loadAbsorptionRecords } from './absorption-records';
import type { CohortFilter } from './cohort-filter';
import { namesOf } from '../../shared/domain/report-names';
import { loadReportNames } from './report-names';

/**
 * The supervisor's absorption report: the shared rule (the same one the dashboard runs
 * offline over the device's data) over the columns it needs, plus display names.
 */
export async function absorptionReport(db: Kysely<Database>, query: AbsorptionQuery, filter: CohortFilter = {}): Promise<AbsorptionReport> {
  const [records, names] = await Promise.all([loadAbsorptionRecords(db, query.asOf, filter), loadReportNames(db, query.groupBy)]);
  const { total, groups } = absorptionFigures({ ...records, asOf: query.asOf, groupBy: query.groupBy });
  return {
    asOf: query.asOf,
    groupBy: query.groupBy,
    total,
    groups: groups.map((group) => ({ ...group, names: namesOf(group.keys, names) })),
    selfReport: selfReportCoverage({ ...records, asOf: query.asOf }),
  };
}
