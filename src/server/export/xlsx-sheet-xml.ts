import { formatPhone } from '../../shared/domain/phone';
import { plainText } from '../../shared/domain/spreadsheet-text';
import type { Cell, Column } from './export-table';
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

/**
 * Row `r` (1-based; the header is row 1). Numbers are values; dates and times
 * (`YYYY-MM-DD[ HH:mm]`, already on the office's clock) become serial numbers with a
 * date format, as Excel keeps them, so that they sort and filter as dates; any other
 * text is an inline string, which a spreadsheet never reads as a formula.
 */
export function rowXml(r: number, cells: readonly Cell[], columns: readonly Column[]): string {
  let xml = `<row r="${r}">`;
  cells.forEach((cell, i) => {
    if (cell === null || cell === '') return;
    const kind = columns[i]?.kind ?? 'text';
    const ref = `${columnLetters(i)}${r}`;
    const value = typeof cell === 'number' ? cell : kind === 'date' || kind === 'datetime' ? excelSerial(cell) : null;
    if (value !== null) {
      // NaN or Infinity (a rate over zero people) has no cell value: left empty, as null is.
      if (Number.isFinite(value)) xml += `<c r="${ref}"${styleAttr(KIND_STYLE[kind], 's')}><v>${value}</v></c>`;
    } else if (typeof cell === 'string') {
      xml += textCell(ref, kind === 'phone' ? formatPhone(cell) : cell, STYLE.normal);
    }
  });
  return `${xml}</row>`;
}

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
 * null for text that is not such a date.
 */
export function excelSerial(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number];
  return Date.UTC(year, month - 1, day, hour, minute) / DAY_MS + UNIX_EPOCH_SERIAL;
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
