import { cameFromNumber, cellText, isBlankRow } from './cell-text';
import type { FileEncoding } from './decode-text';
import type { SheetRow } from './check-sheet';
import { findHeaderRow } from './guess-columns';

/** A file's table: its header row (found below any title rows) and the data rows under it. */
export type ImportSheet = {
  /** The header row's sheet number (1-based), to say where the data starts. */
  headerRow: number;
  headers: string[];
  /** Data rows with at least one filled cell, each as wide as the widest row. */
  rows: SheetRow[];
  /** How a CSV file's bytes were read (null for XLSX, which is always UTF-8 inside). */
  encoding: FileEncoding | null;
};

/**
 * Turns the cells a reader gives (CSV or XLSX) into the import's table: every cell as
 * text, the header found among the first rows, blank rows left out (they hold nobody)
 * row numbers kept as the spreadsheet shows them, so messages point at real rows, and
 * the cells that came from numbers noted (a NIK among them needs checking).
 */
export function toImportSheet(cells: readonly (readonly unknown[])[], encoding: FileEncoding | null = null): ImportSheet {
  const texts = cells.map((row) => row.map(cellText));
  const headerIndex = findHeaderRow(texts);
  const width = Math.max(0, ...texts.slice(headerIndex).map((row) => row.length));
  const pad = (row: readonly string[]) => Array.from({ length: width }, (_, index) => row[index] ?? '');
  const rows: SheetRow[] = [];
  for (let index = headerIndex + 1; index < texts.length; index += 1) {
    const row = texts[index] ?? [];
    if (isBlankRow(row)) continue;
    const numberColumns = (cells[index] ?? []).flatMap((cell, column) => (cameFromNumber(cell) ? [column] : []));
    rows.push({ number: index + 1, cells: pad(row), numberColumns });
  }
  return { headerRow: headerIndex + 1, headers: pad(texts[headerIndex] ?? []), rows, encoding };
}
