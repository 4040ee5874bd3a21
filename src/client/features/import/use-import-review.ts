import { useMemo, useRef, useState } from 'preact/hooks';
import { checkSheet, type KeptRows, type RowResult, type SheetRow } from '../../../shared/import/check-sheet';
import { guessColumns } from '../../../shared/import/guess-columns';
import type { ColumnMapping, ImportField } from '../../../shared/import/import-fields';
import type { FileEncoding } from '../../../shared/import/decode-text';
import type { ImportSheet } from '../../../shared/import/import-sheet';
import { validateRow, type RowCheck } from '../../../shared/import/validate-row';

/** A file under review: its table with the user's corrections, the column mapping and each row's own check. */
type ReviewState = {
  fileName: string;
  headers: readonly string[];
  headerRow: number;
  encoding: FileEncoding | null;
  rows: readonly SheetRow[];
  mapping: ColumnMapping;
  checks: readonly RowCheck[];
  /** Rows the user corrected: they stay in view once valid, so a fix never makes its row vanish mid-typing. */
  edited: ReadonlySet<number>;
  /** Of a NIK listed twice, the row (sheet number) the clerk chose to import. */
  kept: KeptRows;
};

export type ImportReview = ReviewState & {
  results: readonly RowResult[];
  setColumn: (column: number, field: ImportField | null) => void;
  editCell: (rowIndex: number, column: number, value: string) => void;
  /** The user checked a NIK that came from a number cell against the person's KTP: it may be imported. */
  confirmNik: (rowIndex: number) => void;
  /** Of the rows sharing this row's NIK, import this one and leave the others out. */
  keepRow: (rowIndex: number) => void;
};

/**
 * The review of one file: guessed mapping, corrections and checks. A correction checks
 * its row again (and the file-wide rules: a fixed NIK may end a duplicate elsewhere);
 * a changed mapping checks every row. Nothing typed is lost when a row turns valid.
 */
export function useImportReview(enrolledNiks: ReadonlySet<string>) {
  const [state, setState] = useState<ReviewState | null>(null);

  // Counts loads and clears: a file still being checked when another is chosen never lands.
  const generation = useRef(0);
  const load = async (fileName: string, sheet: ImportSheet) => {
    generation.current += 1;
    const mine = generation.current;
    const mapping = guessColumns(sheet.headers);
    const checks = await checkInSlices(sheet.rows, mapping);
    if (mine !== generation.current) return;
    setState({ fileName, headers: sheet.headers, headerRow: sheet.headerRow, encoding: sheet.encoding, rows: sheet.rows, mapping, checks, edited: new Set(), kept: new Map() });
  };

  const setColumn = (column: number, field: ImportField | null) =>
    setState((current) => {
      if (current === null) return current;
      // One column per field: choosing a field another column had takes it from that column.
      const mapping = current.mapping.map((old, index) => (index === column ? field : old === field ? null : old));
      return { ...current, mapping, checks: checkAll(current.rows, mapping) };
    });

  // A typed cell is text: whatever number the file held there is gone, and with it the doubt.
  const replaceRow = (rowIndex: number, change: (row: SheetRow, mapping: ColumnMapping) => SheetRow) =>
    setState((current) => {
      const old = current?.rows[rowIndex];
      if (current === null || old === undefined) return current;
      const row = change(old, current.mapping);
      const rows = current.rows.map((each, index) => (index === rowIndex ? row : each));
      const checks = current.checks.map((each, index) => (index === rowIndex ? validateRow(row.cells, current.mapping, row.numberColumns) : each));
      return { ...current, rows, checks, edited: new Set([...current.edited, rowIndex]) };
    });
  const asText = (row: SheetRow, column: number): readonly number[] => (row.numberColumns ?? []).filter((each) => each !== column);

  const editCell = (rowIndex: number, column: number, value: string) =>
    replaceRow(rowIndex, (row) => ({ ...row, cells: row.cells.map((cell, index) => (index === column ? value : cell)), numberColumns: asText(row, column) }));

  const confirmNik = (rowIndex: number) =>
    replaceRow(rowIndex, (row, mapping) => ({ ...row, numberColumns: asText(row, mapping.indexOf('nik')) }));

  const keepRow = (rowIndex: number) =>
    setState((current) => {
      const check = current?.checks[rowIndex];
      const row = current?.rows[rowIndex];
      if (current === null || check === undefined || row === undefined) return current;
      return { ...current, kept: new Map([...current.kept, [check.nik, row.number]]) };
    });

  const results = useMemo(
    () => (state === null ? [] : checkSheet(state.rows, state.mapping, enrolledNiks, state.checks, state.kept)),
    [state, enrolledNiks],
  );
  const review: ImportReview | null = state === null ? null : { ...state, results, setColumn, editCell, confirmNik, keepRow };
  const clear = () => {
    generation.current += 1;
    setState(null);
  };
  return { review, load, clear };
}

/** Rows checked between two hand-backs to the browser: well under a 50 ms task on a slow phone. */
const CHECK_SLICE = 500;

/**
 * `checkAll` for a freshly read file, a slice at a time with the page handed back to the
 * browser between slices: 5,000 rows checked at once held the main thread for over 100 ms.
 */
async function checkInSlices(rows: readonly SheetRow[], mapping: ColumnMapping): Promise<RowCheck[]> {
  const checks: RowCheck[] = [];
  for (let start = 0; start < rows.length; start += CHECK_SLICE) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    checks.push(...checkAll(rows.slice(start, start + CHECK_SLICE), mapping));
  }
  return checks;
}

function checkAll(rows: readonly SheetRow[], mapping: ColumnMapping): RowCheck[] {
  return rows.map((row) => validateRow(row.cells, mapping, row.numberColumns));
}
