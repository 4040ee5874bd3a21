import { formatPhone } from '../../shared/domain/phone';
import { plainText } from '../../shared/domain/spreadsheet-text';
import type { Cell, Column } from './export-table';
import type { TextSink } from './text-bytes';
import { STYLE } from './xlsx-parts';
import { xmlText } from './xml-text';

/**
 * The worksheet's XML in three parts — the opening (views and column widths), one
 * `<row>` per table row, the closing — so that rows can be written as pages come.
 * Text is inline (`t="inlineStr"`): a shared-strings table would have to be held whole
 * until the end. Empty cells are left out.
 */

const WORKSHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  // The header row stays in view while scrolling.
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15"/>';

export const SHEET_CLOSE = '</sheetData></worksheet>';

/** Excel's serial for 1970-01-01: days since 1899-12-30 (which absorbs Lotus's 1900 leap-year bug). */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 86_400_000;

const KIND_STYLE: Record<Column['kind'], number> = {
  text: STYLE.normal, phone: STYLE.normal, number: STYLE.normal, percent: STYLE.percent, date: STYLE.date, datetime: STYLE.datetime,
};

/** The sheet up to the header row included: the header is bold, each column styled by its kind for cells typed in later. */
export function sheetOpen(columns: readonly Column[]): string {
  const cols = columns
    .map((column, i) => {
      const width = column.width ?? Math.max(10, Math.min(40, column.header.length + 2));
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"${styleAttr(KIND_STYLE[column.kind], 'style')}/>`;
    })
    .join('');
  const header = columns.map((column, i) => textCell(`${columnLetters(i)}1`, column.header, STYLE.header)).join('');
  return `${WORKSHEET_OPEN}<cols>${cols}</cols><sheetData><row r="1">${header}</row>`;
}

/** Writes one row's XML. */
export type RowXmlWriter = (out: TextSink, r: number, cells: readonly Cell[]) => void;

/**
 * The writer of the sheet's rows: row `r` (1-based; the header is row 1). Numbers are
 * values; dates and times (`YYYY-MM-DD[ HH:mm]`, already on the office's clock) become
 * serial numbers with a date format, as Excel keeps them, so that they sort and filter
 * as dates; any other text is an inline string, which a spreadsheet never reads as a
 * formula.
 *
 * Pieces are written one by one, each column's fixed ones made once here: a row built
 * by concatenation was a tree of short strings, several per cell, flattened into a copy
 * before it could be encoded, twice the text's size in garbage and the most a long
 * export allocated.
 */
export function rowXmlWriter(columns: readonly Column[]): RowXmlWriter {
  const kinds = columns.map((column) => column.kind);
  const cellStarts = columns.map((_, i) => `<c r="${columnLetters(i)}`);
  const valueOpens = kinds.map((kind) => `"${styleAttr(KIND_STYLE[kind], 's')}><v>`);
  return (out, r, cells) => {
    const row = String(r);
    out.write('<row r="');
    out.write(row);
    out.write('">');
    for (let i = 0; i < cells.length; i += 1) {
      const cell = cells[i];
      if (cell === null || cell === '' || cell === undefined) continue;
      const kind = kinds[i] ?? 'text';
      const value = typeof cell === 'number' ? cell : kind === 'date' || kind === 'datetime' ? excelSerial(cell) : null;
      if (value !== null) {
        // NaN or Infinity (a rate over zero people) has no cell value: left empty, as null is.
        if (!Number.isFinite(value)) continue;
        out.write(cellStarts[i] ?? `<c r="${columnLetters(i)}`);
        out.write(row);
        out.write(valueOpens[i] ?? '"><v>');
        out.write(String(value));
        out.write(VALUE_CLOSE);
      } else if (typeof cell === 'string') {
        out.write(cellStarts[i] ?? `<c r="${columnLetters(i)}`);
        out.write(row);
        out.write(TEXT_OPEN);
        out.write(xmlText(plainText(kind === 'phone' ? formatPhone(cell) : cell)));
        out.write(TEXT_CLOSE);
      }
    }
    out.write(ROW_CLOSE);
  };
}

const VALUE_CLOSE = '</v></c>';
const TEXT_OPEN = '" t="inlineStr"><is><t xml:space="preserve">';
const TEXT_CLOSE = '</t></is></c>';
const ROW_CLOSE = '</row>';

/**
 * An inline-string cell: text as typed, never a formula, whatever it starts with — so no
 * quote is added (it would show). Control characters go, as in every export.
 */
function textCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}"${styleAttr(style, 's')} t="inlineStr"><is><t xml:space="preserve">${xmlText(plainText(text))}</t></is></c>`;
}

function styleAttr(style: number, name: 's' | 'style'): string {
  return style === STYLE.normal ? '' : ` ${name}="${style}"`;
}

/**
 * `YYYY-MM-DD[ HH:mm]` as an Excel serial number: days since 1899-12-30, the time as
 * the fraction. The wall-clock fields are read as if UTC, since serials carry no zone;
 * null for text that is not such a date. Read digit by digit: an export converts two
 * dates per row, and a regular expression's match arrays were a tenth of what a
 * 100,000-row XLSX export allocated.
 */
export function excelSerial(text: string): number | null {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  let hour = 0;
  let minute = 0;
  const separator = text.charCodeAt(10);
  if ((separator === SPACE || separator === LETTER_T) && text.charCodeAt(13) === COLON) {
    const h = digitsAt(text, 11, 2);
    const m = digitsAt(text, 14, 2);
    if (h >= 0 && m >= 0) {
      hour = h;
      minute = m;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute) / DAY_MS + UNIX_EPOCH_SERIAL;
}

const [DASH, SPACE, LETTER_T, COLON, ZERO] = ['-', ' ', 'T', ':', '0'].map((char) => char.charCodeAt(0)) as [number, number, number, number, number];

/** The number written by `count` ASCII digits from `start`, or -1 when any is not a digit (or is past the end). */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i += 1) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

const letters: string[] = [];

/** A 0-based column index as Excel's letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let name = letters[index];
  if (name !== undefined) return name;
  name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  letters[index] = name;
  return name;
}
