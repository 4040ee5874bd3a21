import { Readable } from 'node:stream';
import { formatPhone } from '../../shared/domain/phone';
import { spreadsheetText } from '../../shared/domain/spreadsheet-text';
import type { Cell, ColumnKind, ExportTable } from './export-table';
import { CHUNK_CHARS } from './write-xlsx';

export type CsvSeparator = ',' | ';';

/**
 * The table as CSV (RFC 4180): UTF-8 with a byte-order mark (without it Excel reads
 * UTF-8 as the local code page and garbles names), CRLF line ends, fields quoted when
 * they hold the separator, a quote or a line break. With `;` — what Excel set to
 * Indonesian expects — decimals are written with a comma, as that Excel reads them.
 *
 * A pull stream: the next page is read from the database only when the client has
 * taken the previous one, so memory does not grow with the row count.
 */
export function writeCsv(table: ExportTable, separator: CsvSeparator): Readable {
  async function* lines(): AsyncGenerator<string> {
    yield `\uFEFF${table.columns.map((column) => field(spreadsheetText(column.header), separator)).join(separator)}\r\n`;
    for await (const page of table.pages) {
      let chunk = '';
      for (const row of page) {
        chunk += `${row.map((cell, i) => field(cellText(cell, table.columns[i]?.kind ?? 'text', separator), separator)).join(separator)}\r\n`;
        if (chunk.length >= CHUNK_CHARS) {
          yield chunk;
          chunk = '';
        }
      }
      yield chunk;
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

function cellText(cell: Cell, kind: ColumnKind, separator: CsvSeparator): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    const text = kind === 'percent' ? String(Math.round(cell * 1000) / 10) : String(cell);
    return separator === ';' ? text.replace('.', ',') : text;
  }
  // Dates are written as they are (YYYY-MM-DD, which every spreadsheet reads as a date); only text is neutralised.
  if (kind === 'date' || kind === 'datetime') return cell;
  // `0812-3456-7890` is text to every spreadsheet and starts with no formula character: no quote shows.
  return spreadsheetText(kind === 'phone' ? formatPhone(cell) : cell);
}

function field(text: string, separator: CsvSeparator): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
