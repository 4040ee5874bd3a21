/**
 * One table of an export, independent of the file format: the writers (CSV, XLSX) turn
 * it into bytes. Rows come in pages from the database, so neither the table nor the
 * writers ever hold more than one page.
 *
 * A column's kind says what its cells are, so that numbers and dates stay numbers and
 * dates in the spreadsheet and only text is neutralised against formulas:
 * - `text`: a string (null: empty);
 * - `number`: a number; `percent`: a fraction (0.25 shows as 25.0%);
 * - `date`: `YYYY-MM-DD`; `datetime`: `YYYY-MM-DD HH:mm` already in the office's zone;
 * - `phone`: a stored `+62…` number, written as people read and dial it (`0812-3456-7890`).
 */
export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'datetime' | 'phone';

export type Column = { header: string; kind: ColumnKind; width?: number };

export type Cell = string | number | null;

export type ExportTable = {
  /** The sheet name (at most 31 characters, Excel's limit). */
  sheet: string;
  columns: readonly Column[];
  /** Rows in pages; each row has one cell per column. */
  pages: AsyncIterable<Cell[][]>;
};
