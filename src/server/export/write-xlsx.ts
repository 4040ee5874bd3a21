import type { Readable } from 'node:stream';
import type { ExportTable } from './export-table';
import { APP_PROPERTIES, CONTENT_TYPES, ROOT_RELS, SHEET_PATH, STYLES, WORKBOOK_RELS, workbookXml } from './xlsx-parts';
import { SHEET_CLOSE, rowXml, sheetOpen } from './xlsx-sheet-xml';
import { zipStream } from './zip-stream';

/**
 * Text handed on at a time. Short strings die young: a page's text in one string would
 * sit in the large-object space until a full collection, and the heap (and the
 * process's resident memory) would grow with every page of a long export.
 */
export const CHUNK_CHARS = 32 * 1024;

/**
 * The table as an XLSX workbook of one sheet, written by hand: a ZIP of a few fixed XML
 * parts and the sheet, whose rows are turned into XML and compressed page by page as
 * the client reads (zip-stream.ts), the way the CSV writer works. The header row is bold
 * and frozen; dates are real dates (serial numbers with a date format), which Excel
 * sorts and filters as dates; text is inline, never in a shared-strings table, which
 * would have to be held whole until the end.
 *
 * Memory stays flat in the row count: one page of rows, its XML and the compressor's
 * window. (exceljs 4's streaming writer, used before, kept ~1 KB of Buffer per row
 * reachable until the end: ~100 MB per 100,000 rows; see bench/reports.ts.)
 *
 * Errors while writing destroy the stream: the client sees a broken download, never a
 * truncated file that looks complete.
 */
export function writeXlsx(table: ExportTable): Readable {
  async function* sheet(): AsyncGenerator<string> {
    yield sheetOpen(table.columns);
    let r = 1;
    for await (const page of table.pages) {
      let xml = '';
      for (const row of page) {
        r += 1;
        xml += rowXml(r, row, table.columns);
        if (xml.length >= CHUNK_CHARS) {
          yield xml;
          xml = '';
        }
      }
      yield xml;
    }
    yield SHEET_CLOSE;
  }
  return zipStream([
    { name: '[Content_Types].xml', body: () => [CONTENT_TYPES] },
    { name: '_rels/.rels', body: () => [ROOT_RELS] },
    { name: 'docProps/app.xml', body: () => [APP_PROPERTIES] },
    { name: 'xl/workbook.xml', body: () => [workbookXml(table.sheet)] },
    { name: 'xl/_rels/workbook.xml.rels', body: () => [WORKBOOK_RELS] },
    { name: 'xl/styles.xml', body: () => [STYLES] },
    { name: SHEET_PATH, body: sheet },
  ]);
}
