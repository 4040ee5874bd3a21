import type { AbsorptionGroup, AbsorptionReport, ReportDimension } from '../../../shared/api/reports.api';
import { absorptionFigures } from '../../../shared/domain/absorption';
import { namesOf, reportNames } from '../../../shared/domain/report-names';
import { selfReportCoverage } from '../../../shared/domain/self-report-coverage';
import type { IsoDate } from '../../../shared/domain/dates';
import type { Cohort } from '../../../shared/schema';
import type { JejakDb } from '../../storage/db';
import { readMeta } from '../../storage/meta.repository';

export type LocalReport = {
  report: AbsorptionReport;
  /** When this device last synced completely (ISO), null if never: how old the figures may be. */
  lastSyncedAt: string | null;
};

/**
 * The absorption report computed on this device, for when the server cannot answer. A
 * supervisor's pull receives every provider's records, so the same shared rule over the
 * same rows gives the server's figures, as of the last sync. Every table is read in one
 * read transaction: a pull page committing half-way cannot leave an enrolment without
 * its cohort. Names include deleted records, as the server's do: an old group keeps its name.
 */
export async function localAbsorptionReport(db: JejakDb, asOf: IsoDate, groupBy: readonly ReportDimension[]): Promise<LocalReport> {
  const [cohorts, enrollments, followUps, links, providers, vocations, lastSyncedAt] = await db.transaction(
    'r',
    [db.cohorts, db.enrollments, db.followUps, db.selfReportLinks, db.providers, db.vocations, db.meta],
    () =>
      Promise.all([
        db.cohorts.toArray(),
        db.enrollments.toArray(),
        db.followUps.toArray(),
        db.selfReportLinks.toArray(),
        db.providers.toArray(),
        db.vocations.toArray(),
        readMeta(db, 'lastSyncedAt'),
      ]),
  );
  const { total, groups } = absorptionFigures({ cohorts, enrollments, followUps, asOf, groupBy });
  const names = reportNames({ providers, cohorts, vocations });
  const named = groups.map((group): AbsorptionGroup => ({ ...group, names: namesOf(group.keys, names) }));
  const selfReport = selfReportCoverage({ cohorts, enrollments, followUps, links, asOf });
  return { report: { asOf, groupBy: [...groupBy], total, groups: named, selfReport }, lastSyncedAt: lastSyncedAt ?? null };
}

/**
 * The budget years of the cohorts a report as of `asOf` counts, read from this device
 * (the supervisor's holds every cohort): the press summary says "Sepanjang 2024" with them.
 */
export async function localReportYears(db: JejakDb, asOf: IsoDate): Promise<number[]> {
  const cohorts: Cohort[] = await db.cohorts.toArray();
  const years = cohorts.filter((cohort) => !cohort.deleted && cohort.startDate <= asOf).map((cohort) => cohort.budgetYear);
  return [...new Set(years)].sort((a, b) => a - b);
}
