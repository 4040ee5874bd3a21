import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell, Column, ExportTable } from '../../../src/server/export/export-table';
import { writeXlsx } from '../../../src/server/export/write-xlsx';
import { xmlText } from '../../../src/server/export/xml-text';

const COLUMNS: readonly Column[] = [
  { header: 'Nama', kind: 'text', width: 28 },
  { header: 'Jumlah', kind: 'number' },
  { header: 'Tingkat', kind: 'percent', width: 18 },
  { header: 'Tanggal', kind: 'date', width: 12 },
  { header: 'Waktu', kind: 'datetime', width: 17 },
];

function tableOf(sheet: string, pages: AsyncIterable<Cell[][]>): ExportTable {
  return { sheet, columns: COLUMNS, pages };
}

/** Pages as a database would give them: each after a wait. */
async function* pagesOf(...pages: Cell[][][]): AsyncGenerator<Cell[][]> {
  for (const page of pages) yield await Promise.resolve(page);
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function read(stream: Readable): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await bytesOf(stream)).buffer);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

describe('writeXlsx', () => {
  it('writes a workbook exceljs opens: bold frozen header, widths, typed cells, text escaped and never a formula', async () => {
    const awkward = 'A & B <b>"kutip"</b>\u0001 😀';
    const sheet = await read(writeXlsx(tableOf('Tindak lanjut: [2024]/semua alumni Kota Bontang', pagesOf(
      [
        [awkward, 3, 0.255, '2024-08-31', '2024-08-01 10:05'],
        ['=1+1', null, Number.NaN, null, ''],
      ],
      [],
      [['  spasi\r\nbaris  ', -2.5, 1, '1999-01-02', '2024-12-31 23:59']],
    ))));

    expect(sheet.name).toBe('Tindak lanjut   2024  semua alu');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.columns.map((column) => column.width)).toEqual([28, 10, 18, 12, 17]);
    expect(sheet.rowCount).toBe(4);

    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual(COLUMNS.map((column) => column.header));
    for (let i = 1; i <= COLUMNS.length; i += 1) expect(header.getCell(i).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();

    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(2)).toEqual(['A & B <b>"kutip"</b> 😀', 3, 0.255, new Date('2024-08-31T00:00:00Z'), new Date('2024-08-01T10:05:00Z')]);
    // An inline string is text, never a formula: written as typed, without a quote. Empty cells are left out, NaN too.
    expect(values(3)).toEqual(['=1+1']);
    expect(sheet.getRow(3).getCell(1).formula).toBeUndefined();
    expect(values(4)).toEqual(['  spasi\r\nbaris  ', -2.5, 1, new Date('1999-01-02T00:00:00Z'), new Date('2024-12-31T23:59:00Z')]);
    expect([2, 3, 4, 5].map((i) => sheet.getRow(2).getCell(i).numFmt)).toEqual([undefined, '0.0%', 'dd/mm/yyyy', 'dd/mm/yyyy hh:mm']);
  });

  it('escapes text for XML and for Excel, and drops what XML cannot hold', () => {
    expect(xmlText('a & b < c > d "e" \r\n\t')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &#xD;\n\t');
    expect(xmlText('\u0000\u0008\u000B\uFFFE\uD800 ok 😀')).toBe(' ok 😀');
    // Excel reads `_xHHHH_` in cell text as an escaped character: the underscore itself is escaped.
    expect(xmlText('kode _x0041_ dan _x00zz_')).toBe('kode _x005F_x0041_ dan _x00zz_');
  });

  it('reads pages only as the reader takes the file, and stops reading when the download is dropped', async () => {
    let pagesRead = 0;
    let stopped = false;
    async function* endless(): AsyncGenerator<Cell[][]> {
      try {
        for (let page = 0; page < 10_000; page += 1) {
          pagesRead += 1;
          yield await Promise.resolve(Array.from({ length: 100 }, (_, i) => [`Alumni ${page}-${i} dengan nama yang agak panjang`, i, i / 100, '2024-01-01', '2024-01-01 08:00']));
        }
      } finally {
        stopped = true;
      }
    }
    const stream = writeXlsx(tableOf('Alumni', endless()));
    let received = 0;
    for await (const chunk of stream) {
      received += (chunk as Buffer).length;
      if (received > 100_000) break; // the client went away after 100 kB
    }
    expect(pagesRead).toBeGreaterThan(0);
    await expect.poll(() => stopped).toBe(true);
    expect(pagesRead).toBeLessThan(200); // of 10,000: what 100 kB of deflated XML holds, plus a few buffers
  });

  it('destroys the stream when reading a page fails, so no complete-looking file is sent', async () => {
    async function* failing(): AsyncGenerator<Cell[][]> {
      yield [['Budi', 1, 0.5, '2024-01-01', '2024-01-01 08:00']];
      await Promise.resolve();
      throw new Error('the database went away');
    }
    await expect(bytesOf(writeXlsx(tableOf('Alumni', failing())))).rejects.toThrow('the database went away');
  });
});
