import { normaliseHeader } from './guess-columns';

/** The column that says, in words, why a row was not imported. */
export const ERROR_COLUMN = 'Kesalahan';
/** The column that gives each row's number in the imported file, the one the messages name. */
export const ROW_COLUMN = 'Baris';

/**
 * The rows that were not imported, as a CSV file the user can correct and import again:
 * the `Baris` column (the row's number in the imported file, which messages such as "the
 * same NIK is in row 93" name), the original header and cells (with any correction made
 * in the preview), and the `Kesalahan` column. A file that already had these columns (a
 * second round) gets them replaced, not doubled. Semicolon-separated with a BOM, as Excel with Indonesian
 * settings opens it; the import reads it back like any other CSV.
 */
export function invalidRowsFile(headers: readonly string[], rows: readonly { number: number; cells: readonly string[]; error: string }[]): string {
  const own = new Set([ERROR_COLUMN, ROW_COLUMN].map(normaliseHeader));
  const keep = headers.map((header) => !own.has(normaliseHeader(header)));
  const pick = (cells: readonly string[]) => headers.map((_, index) => cells[index] ?? '').filter((_, index) => keep[index]);
  const lines = [
    [ROW_COLUMN, ...pick(headers), ERROR_COLUMN],
    ...rows.map(({ number, cells, error }) => [String(number), ...pick(cells), error]),
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
