import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { spreadsheetText } from '../../shared/domain/spreadsheet-text';
import type { Cell, Column, ExportTable } from './export-table';

const NUMBER_FORMATS: Partial<Record<Column['kind'], string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  percent: '0.0%',
};

/**
 * The table as an XLSX workbook of one sheet, written by exceljs's streaming writer:
 * each row is committed (serialised into the zip) as soon as it is added, and after
 * each page we wait while the response is still full. Shared strings are off: that
 * table would have to be held whole until the end. The header row is bold and frozen;
 * dates are real dates (serial numbers with a date format), which Excel sorts and
 * filters as dates.
 *
 * Known limit, measured (bench/reports.ts, and by forcing GC mid-export): somewhere in
 * exceljs 4's writer/zip pipeline about 1 KB of Buffer per row stays reachable while
 * the sheet is written, although every stream we can see reports an empty buffer; so
 * an XLSX export grows by ~100 MB per 100,000 rows, where the CSV stays flat.
 *
 * Errors while writing destroy the stream: the client sees a broken download, never a
 * truncated file that looks complete.
 */
export function writeXlsx(table: ExportTable): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Jejak';
  const sheet = workbook.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, i) => {
    const numFmt = NUMBER_FORMATS[column.kind];
    return { key: String(i), width: column.width ?? Math.max(10, Math.min(40, column.header.length + 2)), style: numFmt === undefined ? {} : { numFmt } };
  });

  async function write(): Promise<void> {
    const header = sheet.addRow(table.columns.map((column) => spreadsheetText(column.header)));
    header.font = { bold: true };
    header.commit();
    for await (const page of table.pages) {
      for (const row of page) sheet.addRow(row.map((cell, i) => cellValue(cell, table.columns[i]))).commit();
      if (out.writableNeedDrain) await roomIn(out);
    }
    sheet.commit();
    await workbook.commit();
  }
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

/** Resolves when the client has read enough; throws when it went away (no point writing on). */
function roomIn(out: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = () => {
      out.off('drain', settle);
      out.off('close', settle);
      if (out.destroyed) reject(new Error('the client closed the download'));
      else resolve();
    };
    out.on('drain', settle);
    out.on('close', settle);
  });
}

function cellValue(cell: Cell, column: Column | undefined): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  switch (column?.kind) {
    case 'date':
    case 'datetime':
      return excelDate(cell);
    default:
      return spreadsheetText(cell);
  }
}

/**
 * `YYYY-MM-DD[ HH:mm]` as a Date whose UTC fields are that wall-clock time: exceljs
 * turns a Date into a serial number through UTC, and Excel serials have no zone.
 */
function excelDate(text: string): Date {
  const [year, month, day, hour, minute] = text.split(/[-: T]/).map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0));
}
