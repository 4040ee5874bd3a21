import type { Readable } from 'node:stream';
import type { ExportTable } from './export-table';
import { APP_PROPERTIES, CONTENT_TYPES, ROOT_RELS, SHEET_PATH, STYLES, WORKBOOK_RELS, workbookXml } from './xlsx-parts';
import { SHEET_CLOSE, rowXmlWriter, sheetOpen } from './xlsx-sheet-xml';
import type { TextSink } from './text-bytes';
import { zipStream } from './zip-stream';

/**
 * The table as an XLSX workbook of one sheet, written by hand: a ZIP of a few fixed XML
 * parts and the sheet, whose rows are turned into XML and compressed page by page as
 * the client reads (zip-stream.ts), the way the CSV writer works. The header row is bold
 * and frozen; dates are real dates (serial numbers with a date format), which Excel
 * sorts and filters as dates; text is inline, never in a shared-strings table, which
 * would have to be held whole until the end.
 *
 * Memory stays flat in the row count: one page of rows, the compressor's window and a
 * few input buffers, into which the XML is encoded piece by piece (text-bytes.ts); the
 * next page is read once the compressor has caught up. (exceljs 4's streaming writer,
 * used before, kept ~1 KB of Buffer per row reachable until the end: ~100 MB per
 * 100,000 rows; see bench/reports.ts.)
 *
 * Errors while writing destroy the stream: the client sees a broken download, never a
 * truncated file that looks complete.
 */
export function writeXlsx(table: ExportTable): Readable {
  const sheet = async (out: TextSink) => {
    out.write(sheetOpen(table.columns));
    const writeRow = rowXmlWriter(table.columns);
    let r = 1;
    for await (const page of table.pages) {
      for (const row of page) {
        r += 1;
        writeRow(out, r, row);
      }
      await out.room();
    }
    out.write(SHEET_CLOSE);
  };
  const fixed = (text: string) => (out: TextSink) => out.write(text);
  return zipStream([
    { name: '[Content_Types].xml', write: fixed(CONTENT_TYPES) },
    { name: '_rels/.rels', write: fixed(ROOT_RELS) },
    { name: 'docProps/app.xml', write: fixed(APP_PROPERTIES) },
    { name: 'xl/workbook.xml', write: fixed(workbookXml(table.sheet)) },
    { name: 'xl/_rels/workbook.xml.rels', write: fixed(WORKBOOK_RELS) },
    { name: 'xl/styles.xml', write: fixed(STYLES) },
    { name: SHEET_PATH, write: sheet },
  ]);
}
