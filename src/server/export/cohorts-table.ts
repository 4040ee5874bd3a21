import type { Kysely } from 'kysely';
import { withRates } from '../../shared/domain/absorption';
import type { IsoDate } from '../../shared/domain/dates';
import type { Database } from '../db/schema';
import { absorptionAggregate } from '../reports/absorption-aggregate';
import { filteredCohorts, type CohortFilter } from '../reports/cohort-filter';
import type { Cell, Column, ExportTable } from './export-table';
import { FIGURE_COLUMNS, figureCells } from './figure-columns';
import { FUNDING_LABEL, labelOf } from './labels';

const COLUMNS: readonly Column[] = [
  { header: 'Pelatihan', kind: 'text', width: 36 },
  { header: 'Lembaga', kind: 'text', width: 30 },
  { header: 'Kejuruan', kind: 'text', width: 18 },
  { header: 'Sumber dana', kind: 'text', width: 16 },
  { header: 'Tahun anggaran', kind: 'number' },
  { header: 'Mulai', kind: 'date', width: 12 },
  { header: 'Selesai', kind: 'date', width: 12 },
  { header: 'Lokasi', kind: 'text', width: 24 },
  { header: 'Kuota peserta', kind: 'number' },
  { header: 'Rencana sertifikasi', kind: 'date', width: 12 },
  { header: 'Tanggal sertifikasi', kind: 'date', width: 12 },
  ...FIGURE_COLUMNS,
];

const NO_ONE = withRates({ trained: 0, graduated: 0, certified: 0, employed: 0, business: 0, seeking: 0, unreachable: 0, neverContacted: 0 });

/**
 * The filtered cohorts with their figures as of `asOf` (zeros for a cohort that had
 * not started). Cohorts number in the hundreds, so they come in one page; the figures
 * are the absorption report's by cohort, from the same aggregate, so the sheet and the
 * report agree to the person.
 */
export function cohortsTable(db: Kysely<Database>, asOf: IsoDate, filter: CohortFilter): ExportTable {
  async function* pages(): AsyncGenerator<Cell[][]> {
    const [cohorts, byCohort] = await Promise.all([
      filteredCohorts(db.selectFrom('cohorts'), filter)
        .innerJoin('providers', 'providers.id', 'cohorts.providerId')
        .innerJoin('vocations', 'vocations.id', 'cohorts.vocationId')
        .select([
          'cohorts.id', 'cohorts.title', 'providers.name as provider', 'vocations.name as vocation', 'cohorts.fundingSource',
          'cohorts.budgetYear', 'cohorts.startDate', 'cohorts.endDate', 'cohorts.location', 'cohorts.seats', 'cohorts.plannedCertificationDate',
          'cohorts.actualCertificationDate',
        ])
        .orderBy('cohorts.startDate')
        .orderBy('cohorts.title')
        .execute(),
      absorptionAggregate(db, asOf, ['cohort'], filter),
    ]);
    const figures = new Map(byCohort.groups.map((group) => [group.keys['cohort'], group]));
    yield cohorts.map((cohort) => [
      cohort.title, cohort.provider, cohort.vocation, labelOf(FUNDING_LABEL, cohort.fundingSource), cohort.budgetYear,
      cohort.startDate, cohort.endDate, cohort.location, cohort.seats, cohort.plannedCertificationDate, cohort.actualCertificationDate,
      ...figureCells(figures.get(cohort.id) ?? NO_ONE),
    ]);
  }
  return { sheet: 'Pelatihan', columns: COLUMNS, pages: pages() };
}
