import { ABSORPTION_FIGURES, type AbsorptionFigures } from '../../shared/api/reports.api';
import { FIGURE_NAME } from '../../shared/domain/glossary';
import type { Cell, Column } from './export-table';

/** The figure columns shared by the cohorts and absorption tables, in the report's order. */
export const FIGURE_COLUMNS: readonly Column[] = ABSORPTION_FIGURES.map((name) =>
  name === 'absorptionRate'
    ? { header: FIGURE_NAME[name], kind: 'percent', width: 18 }
    : { header: FIGURE_NAME[name], kind: 'number' },
);

export function figureCells(figures: AbsorptionFigures): Cell[] {
  return ABSORPTION_FIGURES.map((name) => figures[name]);
}
