/**
 * A cell the file held as a number rather than as text: an XLSX numeric cell (the XLSX
 * reader hands its digits over unparsed), or a CSV cell in scientific notation, which
 * is how Excel writes a long number it shows as `6,47403E+15`. A NIK that went through
 * a number has lost its last digit(s) unless someone checks it: Excel keeps only 15
 * significant digits, and a NIK has 16.
 */
export type NumberCell = { numberText: string };

export function isNumberCell(value: unknown): value is NumberCell {
  return typeof value === 'object' && value !== null && typeof (value as Partial<NumberCell>).numberText === 'string';
}

/** `6.47403E+15`, `6,474031708010200E+15`, `-1e3`: a number as a spreadsheet writes it in scientific notation. */
const SCIENTIFIC = /^([+-]?)(\d+)(?:[.,](\d+))?e([+-]?\d+)$/i;

/** True for a text cell that is a number in scientific notation (a CSV written by Excel). */
export function isScientific(text: string): boolean {
  return SCIENTIFIC.test(text.trim());
}

/** The most significant digits Excel stores; fewer in a scientific cell means digits are gone. */
const EXCEL_DIGITS = 15;

/**
 * A number's digits as a whole number, without going through a float (16 digits are
 * beyond what a double holds exactly): `6.4740317080102E+15` → `6474031708010200`,
 * `37120.0` → `37120`. An XLSX number cell holds the stored value itself, written as
 * briefly as it reads back (`stored`), so it is always expanded. A CSV cell holds what
 * the sheet displayed: with fewer than 15 significant digits written it is returned as
 * is, since expanding `6,47405E+15` would invent ten zeros that look like a NIK.
 */
export function numberDigits(text: string, stored = false): string {
  const trimmed = text.trim();
  const scientific = SCIENTIFIC.exec(trimmed);
  if (scientific === null) return trimmed.replace(/^(\d+)\.0+$/, '$1');
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = scientific;
  const digits = whole + fraction;
  const point = whole.length + Number(exponentText);
  // Fewer digits written than Excel keeps, or a fraction left after the point: not a whole number to trust.
  if ((!stored && digits.replace(/^0+/, '').length < EXCEL_DIGITS) || point < digits.length) return trimmed;
  return sign + (digits + '0'.repeat(point - digits.length)).replace(/^0+(?=\d)/, '');
}
