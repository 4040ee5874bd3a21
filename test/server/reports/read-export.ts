import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { expect } from 'vitest';

/** An XLSX download read back with exceljs: the one sheet, its header and rows as values. */
export async function readXlsx(res: Response): Promise<{ sheet: ExcelJS.Worksheet; header: unknown[]; rows: unknown[][] }> {
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0]!;
  const values: unknown[][] = [];
  sheet.eachRow((row) => {
    // exceljs rows are 1-based: index 0 is always empty.
    values.push((row.values as unknown[]).slice(1));
  });
  const [header = [], ...rows] = values;
  return { sheet, header, rows };
}

/** A CSV download read back with papaparse, after checking the BOM and CRLF line ends. */
export async function readCsv(res: Response, delimiter: ',' | ';'): Promise<{ text: string; header: string[]; rows: string[][] }> {
  expect(res.status).toBe(200);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { delimiter, newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header = [], ...rows] = parsed.data;
  return { text, header, rows };
}
