import { isNumberCell, isScientific, numberDigits } from './number-cell';

/**
 * A spreadsheet cell as the text the import works with. Readers hand over strings,
 * numbers (kept as their digits: a 16-digit NIK is past what a float holds exactly),
 * booleans, dates (date-formatted Excel cells) or nothing.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isNumberCell(value)) return numberDigits(value.numberText, true);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDay(value);
  // An apostrophe before a formula sign is the spreadsheet's "text" mark (see invalid-rows-file.ts).
  if (typeof value === 'string') {
    const text = value.trim().replace(/^'(?=[=@+-])/, '');
    return isScientific(text) ? numberDigits(text) : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/**
 * Excel dates carry no zone; readers give them as UTC midnight. Rounded to the nearest
 * day so a reader that added a time-of-day fraction or an offset cannot shift the date.
 */
function isoDay(date: Date): string {
  const rounded = new Date(Math.round(date.getTime() / 86_400_000) * 86_400_000);
  return rounded.toISOString().slice(0, 10);
}

/** True when the file held the cell as a number (see number-cell.ts), not as text. */
export function cameFromNumber(value: unknown): boolean {
  return isNumberCell(value) || typeof value === 'number' || typeof value === 'bigint' || (typeof value === 'string' && isScientific(value));
}

/** True when every cell of the row is empty: such rows are not people and are skipped. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
