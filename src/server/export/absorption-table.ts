import type { Kysely } from 'kysely';
import type { AbsorptionGroup, ReportDimension, SelfReportCoverage } from '../../shared/api/reports.api';
import { SELF_REPORT_FIGURE_NAME } from '../../shared/domain/glossary';
import type { IsoDate } from '../../shared/domain/dates';
import type { Database } from '../db/schema';
import { absorptionReport } from '../reports/absorption-report';
import type { CohortFilter } from '../reports/cohort-filter';
import type { Cell, Column, ExportTable } from './export-table';
import { FIGURE_COLUMNS, figureCells } from './figure-columns';
import { FUNDING_LABEL, labelOf } from './labels';

const DIMENSION_HEADER: Record<ReportDimension, string> = {
  year: 'Tahun anggaran',
  'funding-source': 'Sumber dana',
  provider: 'Lembaga',
  cohort: 'Pelatihan',
  vocation: 'Kejuruan',
};

/**
 * How much alumni told themselves, counted over everyone (see `selfReportCoverage`): the
 * total row carries it, group rows leave it empty.
 */
const SELF_REPORT_FIGURES = ['statuses', 'linksSent', 'linksAnswered'] as const satisfies readonly (keyof SelfReportCoverage)[];
const SELF_REPORT_COLUMNS: readonly Column[] = SELF_REPORT_FIGURES.map((name) => ({ header: SELF_REPORT_FIGURE_NAME[name], kind: 'number' }));

/** The absorption report as a table: one row per group, then the total (each person once). */
export function absorptionTable(db: Kysely<Database>, asOf: IsoDate, groupBy: ReportDimension[], filter: CohortFilter): ExportTable {
  const columns: Column[] = [
    ...groupBy.map((dimension): Column => ({ header: DIMENSION_HEADER[dimension], kind: dimension === 'year' ? 'number' : 'text', width: 30 })),
    ...FIGURE_COLUMNS,
    ...SELF_REPORT_COLUMNS,
  ];
  async function* pages(): AsyncGenerator<Cell[][]> {
    const report = await absorptionReport(db, { asOf, groupBy }, filter);
    const totalLabel: Cell[] = groupBy.map((_, i) => (i === 0 ? 'Jumlah' : null));
    yield [
      ...report.groups.map((group) => [...groupBy.map((dimension) => dimensionCell(group, dimension)), ...figureCells(group), ...SELF_REPORT_FIGURES.map(() => null)]),
      [...totalLabel, ...figureCells(report.total), ...SELF_REPORT_FIGURES.map((name) => report.selfReport[name])],
    ];
  }
  return { sheet: 'Penyerapan', columns, pages: pages() };
}

function dimensionCell(group: AbsorptionGroup, dimension: ReportDimension): Cell {
  const value = group.keys[dimension] ?? null;
  if (dimension === 'year') return value === null ? null : Number(value);
  if (dimension === 'funding-source') return labelOf(FUNDING_LABEL, value);
  return group.names[dimension] ?? value;
}
