import type { Kysely } from 'kysely';
import type { ReportDimension } from '../../shared/api/reports.api';
import type { Database } from '../db/schema';

/** Display names of the ids a report shows, by dimension; year and funding source name themselves. */
export type ReportNames = {
  provider: ReadonlyMap<string, string>;
  cohort: ReadonlyMap<string, string>;
  vocation: ReadonlyMap<string, string>;
};

/** Loads the names of the dimensions asked for only (a cohort list can be long). */
export async function loadReportNames(db: Kysely<Database>, dimensions: readonly ReportDimension[]): Promise<ReportNames> {
  const wants = (dimension: ReportDimension) => dimensions.includes(dimension);
  const [provider, cohort, vocation] = await Promise.all([
    wants('provider') ? db.selectFrom('providers').select(['id', 'name']).execute() : [],
    wants('cohort') ? db.selectFrom('cohorts').select(['id', 'title as name']).execute() : [],
    wants('vocation') ? db.selectFrom('vocations').select(['id', 'name']).execute() : [],
  ]);
  const toMap = (rows: { id: string; name: string }[]) => new Map(rows.map((row) => [row.id, row.name]));
  return { provider: toMap(provider), cohort: toMap(cohort), vocation: toMap(vocation) };
}

/** The names of one group's id values, e.g. `{ provider: 'LPK Barber Bontang' }`. */
export function namesOf(keys: Partial<Record<ReportDimension, string>>, names: ReportNames): Partial<Record<ReportDimension, string>> {
  const named: Partial<Record<ReportDimension, string>> = {};
  for (const dimension of ['provider', 'cohort', 'vocation'] as const) {
    const id = keys[dimension];
    const name = id === undefined ? undefined : names[dimension].get(id);
    if (name !== undefined) named[dimension] = name;
  }
  return named;
}
