import type { Kysely } from 'kysely';
import type { ReportDimension } from '../../shared/api/reports.api';
import { reportNames, type ReportNames } from '../../shared/domain/report-names';
import type { Database } from '../db/schema';

/** Loads the names of the dimensions asked for only (a cohort list can be long); a cohort's name carries its provider's. */
export async function loadReportNames(db: Kysely<Database>, dimensions: readonly ReportDimension[]): Promise<ReportNames> {
  const wants = (dimension: ReportDimension) => dimensions.includes(dimension);
  const [providers, cohorts, vocations] = await Promise.all([
    wants('provider') || wants('cohort') ? db.selectFrom('providers').select(['id', 'name']).execute() : [],
    wants('cohort') ? db.selectFrom('cohorts').select(['id', 'title', 'providerId']).execute() : [],
    wants('vocation') ? db.selectFrom('vocations').select(['id', 'name']).execute() : [],
  ]);
  return reportNames({ providers, cohorts, vocations });
}
