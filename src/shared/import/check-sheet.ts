import { findDuplicates } from './find-duplicates';
import type { ColumnMapping } from './import-fields';
import type { CellProblem } from './import-problem';
import { validateRow, type ImportedPerson, type RowCheck } from './validate-row';

/**
 * A data row of the sheet: its row number as the spreadsheet shows it (1-based), its
 * cells as text, and the columns whose cell the file held as a number (none when absent).
 */
export type SheetRow = { number: number; cells: readonly string[]; numberColumns?: readonly number[] };

/** A row ready to import (`person` set, no problems) or not (`person` null, why per cell). */
export type RowResult = { number: number; person: ImportedPerson | null; problems: CellProblem[] };

/** For a NIK listed more than once, the row number the clerk chose to import. */
export type KeptRows = ReadonlyMap<string, number>;

/**
 * Every row checked: on its own (`validateRow`; pass `checks` to reuse the ones already
 * made, e.g. when one cell was corrected), then against the other rows (the same NIK
 * twice) and the cohort (a NIK already enrolled in it, from the device's enrolments).
 * Of a NIK listed twice, the row the clerk chose in `kept` is imported and the others
 * are left out, saying which row was kept; with no choice (or a choice no longer among
 * those rows, its NIK retyped) every row of it waits.
 */
export function checkSheet(
  rows: readonly SheetRow[],
  mapping: ColumnMapping,
  enrolledNiks: ReadonlySet<string>,
  checks: readonly RowCheck[] = rows.map((row) => validateRow(row.cells, mapping, row.numberColumns)),
  kept: KeptRows = new Map(),
): RowResult[] {
  // A NIK still to be checked is a real NIK for finding the same person twice.
  const nikIsValid = (check: RowCheck) => !check.problems.some((problem) => problem.field === 'nik' && problem.code !== 'nik-from-number');
  const duplicates = findDuplicates(rows.map((row, index) => {
    const check = checks[index];
    return { number: row.number, nik: check !== undefined && nikIsValid(check) ? check.nik : null };
  }));
  return rows.map((row, index) => {
    const check = checks[index] ?? validateRow(row.cells, mapping, row.numberColumns);
    const problems = [...check.problems];
    const others = duplicates.get(row.number);
    if (others !== undefined && check !== undefined) {
      const chosen = kept.get(check.nik);
      if (chosen === undefined || !others.includes(chosen)) {
        if (chosen !== row.number) problems.push({ field: 'nik', code: 'duplicate-in-file', rows: others });
      } else problems.push({ field: 'nik', code: 'duplicate-left-out', rows: [chosen] });
    }
    if (nikIsValid(check) && enrolledNiks.has(check.nik)) problems.push({ field: 'nik', code: 'already-enrolled' });
    return { number: row.number, person: problems.length === 0 ? check.person : null, problems };
  });
}
