/**
 * The characters that make a spreadsheet read a cell as a formula (or, for tab and CR,
 * let a CSV import shift it into one): `=`, `+`, `-`, `@`, tab, carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text cell inert before it goes into an exported spreadsheet (OWASP "CSV
 * injection"): a leading `'` tells Excel and LibreOffice to show the text as typed, so a
 * provider named `=HYPERLINK("http://…")` or a note typed `+62…` can never run or link.
 * Only for text: real numbers and dates are written as numbers and dates, never as text.
 */
export function spreadsheetText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
