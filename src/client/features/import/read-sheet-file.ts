import { decodeText, type FileEncoding } from '../../../shared/import/decode-text';
import { detectDelimiter } from '../../../shared/import/detect-delimiter';
import { toImportSheet, type ImportSheet } from '../../../shared/import/import-sheet';
import type { NumberCell } from '../../../shared/import/number-cell';
import { XLSX_OPTIONS, type XlsxReading } from './xlsx-options';

/** Why a chosen file gave no table: not CSV/XLSX, unreadable, or no rows at all. */
export type SheetFileProblem = 'file-kind' | 'file-unreadable' | 'file-empty';
export type SheetFileReading = { ok: true; sheet: ImportSheet } | { ok: false; problem: SheetFileProblem };

const XLSX = /\.xlsx$/i;
const CSV = /\.(csv|txt)$/i;

/**
 * Reads the first sheet of an XLSX file or a CSV file (`;` or `,`, UTF-8 with or without
 * BOM, else Windows-1252: see decodeText) on this device; nothing is uploaded. The parsers load here, on first use, so
 * they never weigh on the app's first download. _Never_ throws for a bad file.
 */
export async function readSheetFile(file: Blob & { name: string }): Promise<SheetFileReading> {
  const kind = XLSX.test(file.name) ? 'xlsx' : CSV.test(file.name) ? 'csv' : null;
  if (kind === null) return { ok: false, problem: 'file-kind' };
  let table: { cells: unknown[][]; encoding: FileEncoding | null };
  try {
    table = kind === 'xlsx' ? { cells: await readXlsx(file), encoding: null } : await readCsv(file);
  } catch {
    return { ok: false, problem: 'file-unreadable' };
  }
  const sheet = toImportSheet(table.cells, table.encoding);
  return sheet.rows.length === 0 ? { ok: false, problem: 'file-empty' } : { ok: true, sheet };
}

/** In a Web Worker, so the page keeps answering while a large sheet is read; on the main thread only where there is no Worker (tests). */
async function readXlsx(file: Blob): Promise<unknown[][]> {
  if (typeof Worker === 'undefined') {
    const { readSheet } = await import('read-excel-file/web-worker');
    return readSheet<NumberCell>(file, XLSX_OPTIONS);
  }
  const worker = new Worker(new URL('./read-xlsx.worker.ts', import.meta.url), { type: 'module' });
  try {
    const reading = await new Promise<XlsxReading>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<XlsxReading>) => resolve(event.data);
      worker.onerror = () => reject(new Error('the sheet reader stopped'));
      worker.postMessage(file);
    });
    if (!reading.ok) throw new Error('unreadable sheet');
    return reading.cells;
  } finally {
    worker.terminate();
  }
}

async function readCsv(file: Blob): Promise<{ cells: unknown[][]; encoding: FileEncoding }> {
  const { default: Papa } = await import('papaparse');
  const { text, encoding } = decodeText(await file.arrayBuffer());
  const result = Papa.parse<string[]>(text, { delimiter: detectDelimiter(text), skipEmptyLines: false });
  if (result.data.length === 0 && result.errors.length > 0) throw new Error(result.errors[0]?.message);
  return { cells: result.data, encoding };
}
