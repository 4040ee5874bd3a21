/// <reference lib="webworker" />
import { readSheet } from 'read-excel-file/web-worker';
import type { NumberCell } from '../../../shared/import/number-cell';
import { XLSX_OPTIONS, type XlsxReading } from './xlsx-options';

/**
 * Reads an XLSX file off the main thread: unzipping and parsing 2,000 rows is one task
 * of most of a second on a cheap phone, long enough to freeze the screen. One file per
 * message; the answer is the cells, or that the file could not be read.
 */
self.onmessage = async (event: MessageEvent<Blob>) => {
  let reading: XlsxReading;
  try {
    reading = { ok: true, cells: await readSheet<NumberCell>(event.data, XLSX_OPTIONS) };
  } catch {
    reading = { ok: false };
  }
  self.postMessage(reading);
};
