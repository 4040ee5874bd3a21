/**
 * Control and invisible formatting characters: C0 controls other than tab, line feed and
 * carriage return, DEL, the C1 controls, zero-width and direction marks and the byte-order
 * mark. Nobody types them on purpose; pasted from a chat or a PDF they hide what a text
 * starts with (`"\u0001=HYPERLINK(…)"` reads as a formula once a spreadsheet drops the
 * control character).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/**
 * Text as stored and exported: without control characters. Applied by the schemas at
 * every boundary (form, API, sync, import) and again before the formula check below, so
 * the check sees what a spreadsheet would see.
 */
export function plainText(text: string): string {
  return text.replace(CONTROL, '');
}

/**
 * The characters that make a spreadsheet read a cell as a formula (or, for tab and CR,
 * let a CSV import shift it into one): `=`, `+`, `-`, `@`, tab, carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet reading `text` as typed would take it for a formula. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(plainText(text));
}

/**
 * Makes a text field of a CSV export inert (OWASP "CSV injection"): control characters
 * go, then a leading `'` tells Excel and LibreOffice to show formula-like text as typed,
 * so a provider named `=HYPERLINK("http://…")` can never run or link. Only for CSV, whose
 * fields a spreadsheet guesses at; an XLSX inline-string cell is text and never a
 * formula, so it is written as is. Only for text: numbers and dates are written as
 * numbers and dates.
 */
export function spreadsheetText(text: string): string {
  const plain = plainText(text);
  return FORMULA_START.test(plain) ? `'${plain}` : plain;
}
