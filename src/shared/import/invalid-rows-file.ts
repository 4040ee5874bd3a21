import { normaliseHeader } from './guess-columns';

/** The column that says, in words, why a row was not imported. */
export const ERROR_COLUMN = 'Kesalahan';

/**
 * The rows that were not imported, as a CSV file the user can correct and import again:
 * the original header and cells (with any correction made in the preview), plus the
 * `Kesalahan` column. A file that already had that column (a second round) gets it
 * replaced, not doubled. Semicolon-separated with a BOM, as Excel with Indonesian
 * settings opens it; the import reads it back like any other CSV.
 */
export function invalidRowsFile(headers: readonly string[], rows: readonly { cells: readonly string[]; error: string }[]): string {
  const keep = headers.map((header) => normaliseHeader(header) !== normaliseHeader(ERROR_COLUMN));
  const pick = (cells: readonly string[]) => headers.map((_, index) => cells[index] ?? '').filter((_, index) => keep[index]);
  const lines = [
    [...pick(headers), ERROR_COLUMN],
    ...rows.map(({ cells, error }) => [...pick(cells), error]),
  ].map((line) => line.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = neutralised(value);
  return /[;",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A cell a spreadsheet would run as a formula (`=…`, `@…`, `+`/`-` not followed by a
 * number) is written behind an apostrophe, the spreadsheet's own "this is text" mark;
 * `cellText` takes the mark off again on import. Phone numbers such as `+62 812…` stay
 * as they are.
 */
function neutralised(value: string): string {
  if (/^[=@\t\r]/.test(value) || /^[+-](?![\d\s().-]*$)/.test(value)) return `'${value}`;
  return value;
}
