import { Dexie } from 'dexie';
import type { AbsorptionGroup, AbsorptionReport, ReportDimension } from '../../../shared/api/reports.api';
import { absorptionFromFacts, indexFacts, type FactsIndex } from '../../../shared/domain/absorption-from-facts';
import type { IsoDate } from '../../../shared/domain/dates';
import { namesOf, reportNames, type ReportNames } from '../../../shared/domain/report-names';
import type { Cohort, SelfReportLink } from '../../../shared/schema';
import { REPORT_FACTS_REBUILD, type JejakDb } from '../../storage/db';
import { readMeta } from '../../storage/meta.repository';
import { rebuildStaleReportFacts } from '../../sync/report-facts';

export type LocalReport = {
  report: AbsorptionReport;
  /** When this device last synced completely (ISO), null if never: how old the figures may be. */
  lastSyncedAt: string | null;
};

/** The time each report computed on the device took, as a performance measure (the bench reads it). */
export const DEVICE_REPORT_MEASURE = 'jejak:device-report';

/**
 * The absorption report computed on this device, for when the server cannot answer. A
 * supervisor's pull receives every provider's records, and each person's report facts
 * (live enrolments and status steps, kept with every write: sync/report-facts.ts) give
 * the server's figures by the shared rule, as of the last sync, reading one row per
 * person instead of every contact. Names include deleted records, as the server's do:
 * an old group keeps its name.
 */
export async function localAbsorptionReport(db: JejakDb, asOf: IsoDate, groupBy: readonly ReportDimension[]): Promise<LocalReport> {
  const start = performance.now();
  const [data, lastSyncedAt] = await Promise.all([
    keptRead(db, 'data', DATA_TABLES, () => readDeviceReportData(db)),
    keptRead(db, 'lastSyncedAt', META_TABLE, () => readMeta(db, 'lastSyncedAt')),
  ]);
  const { total, groups, selfReport } = absorptionFromFacts({ cohorts: data.cohorts, facts: data.facts, links: data.links, asOf, groupBy });
  const named = groups.map((group): AbsorptionGroup => ({ ...group, names: namesOf(group.keys, data.names) }));
  performance.measure(DEVICE_REPORT_MEASURE, { start });
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

/** What a device report reads, whatever the day and grouping asked. */
type DeviceReportData = { cohorts: Cohort[]; facts: FactsIndex; links: SelfReportLink[]; names: ReportNames };

const DATA_TABLES: ReadonlySet<string> = new Set(['cohorts', 'reportFacts', 'selfReportLinks', 'providers', 'vocations']);
const META_TABLE: ReadonlySet<string> = new Set(['meta']);

/**
 * Reads kept while none of their tables changes: a supervisor changes the day and the
 * grouping again and again while the data stays put, and reading 20,000 rows from
 * IndexedDB costs many times the counting (even one small read waits its turn behind
 * the browser's other work). Dexie's storagemutated event, fired when a write
 * transaction commits in this tab or another, drops what it may have changed.
 */
type Kept = { db: JejakDb; tables: ReadonlySet<string>; value: Promise<unknown> };
const kept = new Map<string, Kept>();

Dexie.on('storagemutated', (parts) => {
  for (const [what, entry] of kept) {
    const prefix = `idb://${entry.db.name}/`;
    const touched = Object.keys(parts).some((part) => part.startsWith(prefix) && entry.tables.has(part.slice(prefix.length).split('/')[0] ?? ''));
    if (touched) kept.delete(what);
  }
});

function keptRead<T>(db: JejakDb, what: string, tables: ReadonlySet<string>, read: () => Promise<T>): Promise<T> {
  const known = kept.get(what);
  if (known?.db === db) return known.value as Promise<T>;
  const entry: Kept = { db, tables, value: read() };
  kept.set(what, entry);
  // A failed read is not kept: the next report tries again.
  entry.value.catch(() => {
    if (kept.get(what) === entry) kept.delete(what);
  });
  return entry.value as Promise<T>;
}

/**
 * Every table in one read transaction: a pull page committing half-way cannot leave an
 * enrolment's facts without its cohort. Facts marked stale (a large pull whose rebuild
 * has not run yet) are computed whole first.
 */
async function readDeviceReportData(db: JejakDb): Promise<DeviceReportData> {
  if ((await db.meta.get(REPORT_FACTS_REBUILD)) !== undefined) await rebuildStaleReportFacts(db);
  const [cohorts, people, links, providers, vocations] = await db.transaction(
    'r',
    [db.cohorts, db.reportFacts, db.selfReportLinks, db.providers, db.vocations],
    () => Promise.all([db.cohorts.toArray(), db.reportFacts.toArray(), db.selfReportLinks.toArray(), db.providers.toArray(), db.vocations.toArray()]),
  );
  return { cohorts, facts: indexFacts(people), links, names: reportNames({ providers, cohorts, vocations }) };
}
