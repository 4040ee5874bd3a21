import { Readable } from 'node:stream';
import { constants, createGzip } from 'node:zlib';
import { formatPhone } from '../../shared/domain/phone';
import { spreadsheetText } from '../../shared/domain/spreadsheet-text';
import type { Cell, ColumnKind, ExportTable } from './export-table';
import { textBytes, type TextSink } from './text-bytes';

export type CsvSeparator = ',' | ';';

/**
 * The table as CSV (RFC 4180): UTF-8 with a byte-order mark (without it Excel reads
 * UTF-8 as the local code page and garbles names), CRLF line ends, fields quoted when
 * they hold the separator, a quote or a line break. With `;` — what Excel set to
 * Indonesian expects — decimals are written with a comma, as that Excel reads them.
 *
 * A pull stream: the next page is read from the database only when the client has
 * taken the previous one, so memory does not grow with the row count. With `gzip` the
 * bytes are gzipped at the fastest level (a long download, sent with
 * `Content-Encoding: gzip`): the default level took longer than writing the CSV, the
 * fastest keeps up and still shrinks it several times.
 */
export function writeCsv(table: ExportTable, separator: CsvSeparator, { gzip = false } = {}): Readable {
  const write = async (out: TextSink) => {
    out.write('\uFEFF');
    table.columns.forEach((column, i) => {
      if (i > 0) out.write(separator);
      out.write(field(spreadsheetText(column.header), separator));
    });
    out.write('\r\n');
    const kinds = table.columns.map((column) => column.kind);
    for await (const page of table.pages) {
      for (const row of page) {
        // Field by field into the stream: no string per line to build and throw away.
        for (let i = 0; i < row.length; i += 1) {
          if (i > 0) out.write(separator);
          out.write(field(cellText(row[i] ?? null, kinds[i] ?? 'text', separator), separator));
        }
        out.write('\r\n');
      }
      await out.room();
    }
  };
  const compressor = gzip ? createGzip({ level: constants.Z_BEST_SPEED }) : null;
  return Readable.from(textBytes(write, compressor), { objectMode: false });
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

/** What makes a field need quotes besides the separator. Made once: a literal in `field` was a new RegExp per field. */
const NEEDS_QUOTES = /["\r\n]/;

function field(text: string, separator: CsvSeparator): string {
  return text.includes(separator) || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
