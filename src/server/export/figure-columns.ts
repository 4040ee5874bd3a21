import { ABSORPTION_FIGURES, type AbsorptionFigures } from '../../shared/api/reports.api';
import type { Cell, Column } from './export-table';

/** The figure columns shared by the cohorts and absorption tables, in the report's order. */
export const FIGURE_COLUMNS: readonly Column[] = [
  { header: 'Dilatih', kind: 'number' },
  { header: 'Lulus', kind: 'number' },
  { header: 'Bersertifikat', kind: 'number' },
  { header: 'Bekerja', kind: 'number' },
  { header: 'Wirausaha', kind: 'number' },
  { header: 'Mencari kerja', kind: 'number' },
  { header: 'Tidak terhubungi', kind: 'number' },
  { header: 'Belum dihubungi', kind: 'number' },
  { header: 'Terhubungi', kind: 'number' },
  { header: 'Tingkat penyerapan', kind: 'percent', width: 18 },
];

export function figureCells(figures: AbsorptionFigures): Cell[] {
  return ABSORPTION_FIGURES.map((name) => figures[name]);
}
