import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheetFile } from '../../src/client/features/import/read-sheet-file';
import { checkSheet, type RowResult } from '../../src/shared/import/check-sheet';
import { guessColumns } from '../../src/shared/import/guess-columns';
import { unusedColumns } from '../../src/shared/import/import-fields';
import type { ImportSheet } from '../../src/shared/import/import-sheet';
import { invalidRowsFile } from '../../src/shared/import/invalid-rows-file';

/**
 * The screen's own reader (papaparse, read-excel-file's browser build) over the files in
 * test/fixtures/import, then the shared checks: each fixture's rows give exactly the
 * problems its maker (make-fixtures.ts) wrote beside them.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/import');
/** make-fixtures.ts's ENROLLED_NIK: treated as already in the cohort. */
const ENROLLED = new Set(['6474021708010103']);

async function read(name: string, bytes: BlobPart = readFileSync(join(FIXTURES, name))): Promise<ImportSheet> {
  const reading = await readSheetFile(new File([bytes], name));
  if (!reading.ok) throw new Error(`${name}: ${reading.problem}`);
  return reading.sheet;
}

function check(sheet: ImportSheet): RowResult[] {
  return checkSheet(sheet.rows, guessColumns(sheet.headers), ENROLLED);
}

/** Row number → its problems as `field:code`, or 'ok'. */
function summary(results: readonly RowResult[]): Record<number, string> {
  return Object.fromEntries(results.map((result) => [
    result.number,
    result.person !== null ? 'ok' : result.problems.map((problem) => `${problem.field}:${problem.code}${problem.rows ? `@${problem.rows.join(',')}` : ''}`).join(' '),
  ]));
}

describe('reading participant files', () => {
  it('reads a ;-separated CSV with a BOM, Indonesian headers and dates written 17/08/2001', async () => {
    const sheet = await read('peserta-titik-koma.csv');
    expect(sheet.headerRow).toBe(1);
    expect(sheet.headers[0]).toBe('No');
    expect(guessColumns(sheet.headers)).toEqual([null, 'nik', 'name', 'gender', 'birthDate', 'phone', 'address', 'kelurahan', 'kecamatan', 'education']);
    const results = check(sheet);
    expect(summary(results)).toEqual({
      2: 'ok', 3: 'ok', 4: 'nik:nik-length', 5: 'nik:nik-format', 6: 'nik:nik-province', 7: 'nik:nik-birth-date', 8: 'birthDate:invalid-date',
      9: 'birthDate:date-unreadable', 10: 'gender:gender-unknown', 11: 'education:education-unknown', 12: 'name:required', 13: 'phone:phone-invalid',
      14: 'nik:duplicate-in-file@16', 16: 'nik:duplicate-in-file@14',
    });
    expect(results[0]?.person).toMatchObject({ address: 'Jl. Ahmad Yani No. 5; RT 03', birthDate: '2001-08-17', phone: '+6281234567001', education: 'sma' });
    expect(results[1]?.person).toMatchObject({ gender: 'female', birthDate: '1999-03-05', phone: '+6281345670002' });
  });

  it('reads a ,-separated CSV with English headers and ISO dates, and knows who is already in the cohort', async () => {
    const sheet = await read('participants-comma.csv');
    expect(guessColumns(sheet.headers)).toEqual(['nik', 'name', 'gender', 'birthDate', 'phone', 'whatsapp', 'address', 'kelurahan', 'kecamatan', 'education']);
    const results = check(sheet);
    expect(summary(results)).toEqual({ 2: 'ok', 3: 'ok', 4: 'nik:already-enrolled', 5: 'birthDate:invalid-date', 6: 'name:too-long' });
    expect(results[0]?.person).toMatchObject({ address: 'Jl. Merdeka, No. 7', whatsapp: '+6281270000101', phone: null, education: 's1' });
    expect(results[1]?.person).toMatchObject({ gender: 'male', education: 'd3' });
  });

  it('reads an XLSX whose header sits below a title, with date cells, bare Excel serials and a NIK typed as a number', async () => {
    const sheet = await read('peserta-judul.xlsx');
    expect(sheet.headerRow).toBe(4);
    expect(guessColumns(sheet.headers)).toEqual([null, 'nik', 'name', 'gender', 'birthDate', 'phoneWhatsapp', 'address', 'kelurahan', 'kecamatan', 'education']);
    const results = check(sheet);
    expect(summary(results)).toEqual({
      5: 'ok', 6: 'ok', 7: 'nik:nik-from-number', 8: 'birthDate:date-unreadable nik:duplicate-in-file@10', 9: 'nik:nik-length', 10: 'nik:duplicate-in-file@8',
    });
    expect(results.slice(0, 2).map((result) => [result.person?.nik, result.person?.birthDate])).toEqual([
      ['6474031708010201', '2001-08-17'], ['6474034503990202', '1999-03-05'],
    ]);
    // The NIK typed as a number is read digit for digit, and held back until checked.
    expect(sheet.rows[2]?.cells[1]).toBe('6474031708010203');
    expect(results[0]?.person).toMatchObject({ phone: '+6281211110201', whatsapp: '+6281211110201', gender: 'male' });
  });

  it('reads a CSV saved by Excel on Windows (Windows-1252, not UTF-8) with every letter intact, and says how it read it', async () => {
    const sheet = await read('peserta-excel-windows.csv');
    expect(sheet.encoding).toBe('windows-1252');
    const results = check(sheet);
    expect(results.map((result) => result.person?.name)).toEqual(['Nur’aini Ma’ruf', 'André Sutédja', 'Budi “Bule” Santoso – Ñoño']);
    expect(JSON.stringify(results)).not.toContain('\uFFFD');
  });

  it('says a UTF-8 file was read as UTF-8, and refuses a name that already lost a letter to U+FFFD', async () => {
    const sheet = await read('rusak.csv', '\uFEFFNIK;Nama;JK;Tgl Lahir;Pendidikan\r\n6474041708010301;Andr\uFFFD Sut\uFFFDdja;L;17/08/2001;SMA\r\n');
    expect(sheet.encoding).toBe('utf-8');
    expect(summary(check(sheet))).toEqual({ 2: 'name:unreadable-character' });
  });

  it('holds back every NIK an XLSX stores as a number (re-saved with 15 digits), and still finds a person listed twice', async () => {
    const sheet = await read('peserta-nik-angka.xlsx');
    expect(summary(check(sheet))).toEqual({
      2: 'nik:nik-from-number nik:duplicate-in-file@5', 3: 'nik:nik-from-number', 4: 'ok', 5: 'nik:nik-from-number nik:duplicate-in-file@2',
    });
    expect(sheet.rows.map((row) => row.cells[0])).toEqual(['6474051708010310', '6474054508990320', '6474051708010333', '6474051708010310']);
    expect(sheet.rows.map((row) => row.numberColumns)).toEqual([[0], [0], [], [0]]);
  });

  it('holds back NIKs a CSV writes in scientific notation, and says when the digits are gone', async () => {
    const sheet = await read('peserta-nik-ilmiah.csv');
    expect(summary(check(sheet))).toEqual({ 2: 'nik:nik-format nik:nik-from-number', 3: 'nik:nik-from-number', 4: 'ok' });
    expect(sheet.rows.map((row) => row.cells[0])).toEqual(['6,47405E+15', '6474051708010400', '6474051708010401']);
  });

  it('reads a registration template: NIK/gender/date headers with hints in brackets, a TTL column, snake_case contact columns', async () => {
    const sheet = await read('peserta-template-lpk.csv');
    const mapping = guessColumns(sheet.headers);
    expect(mapping).toEqual([null, 'nik', 'name', 'gender', 'birthPlaceDate', 'address', 'phone', 'education', null]);
    expect(unusedColumns(sheet.headers, mapping, sheet.rows).map((column) => sheet.headers[column])).toEqual(['No', 'Keterangan']);
    const results = check(sheet);
    expect(summary(results)).toEqual({ 2: 'ok', 3: 'ok' });
    expect(results[0]?.person).toMatchObject({ birthDate: '2001-08-17', address: 'Jl. Pupuk Raya 3', phone: '+6281255550501' });
    expect(results[1]?.person).toMatchObject({ birthDate: '1999-03-05', gender: 'female' });
  });

  it('covers every kind of problem a file can have between them', async () => {
    const codes = new Set<string>();
    for (const name of ['peserta-titik-koma.csv', 'participants-comma.csv', 'peserta-judul.xlsx', 'peserta-nik-ilmiah.csv']) {
      for (const result of check(await read(name))) for (const problem of result.problems) codes.add(problem.code);
    }
    expect([...codes].sort()).toEqual([
      'already-enrolled', 'date-unreadable', 'duplicate-in-file', 'education-unknown', 'gender-unknown', 'invalid-date',
      'nik-birth-date', 'nik-format', 'nik-from-number', 'nik-length', 'nik-province', 'phone-invalid', 'required', 'too-long',
    ]);
  });

  it.each([
    ['notes.pdf', 'file-kind'],
    ['broken.xlsx', 'file-unreadable'],
    ['empty.csv', 'file-empty'],
  ])('says why %s gives no table (%s)', async (name, problem) => {
    const bytes = name === 'empty.csv' ? 'NIK;Nama\r\n;\r\n' : 'not a zip';
    expect(await readSheetFile(new File([bytes], name))).toEqual({ ok: false, problem });
  });
});

describe('the file of rows not imported', () => {
  it('round-trips: read back, its rows are the same cells with the same problems, "Baris" names the original rows, and both added columns are ignored', async () => {
    const sheet = await read('peserta-titik-koma.csv');
    const results = check(sheet);
    const left = sheet.rows.filter((_, index) => results[index]?.person === null);
    const file = invalidRowsFile(sheet.headers, left.map((row) => ({ number: row.number, cells: row.cells, error: `baris ${row.number} salah; "dikutip"` })));

    const again = await read('peserta-tidak-diimpor.csv', file);
    expect(again.headers).toEqual(['Baris', ...sheet.headers, 'Kesalahan']);
    expect(again.rows.map((row) => row.cells[0])).toEqual(left.map((row) => String(row.number)));
    expect(again.rows.map((row) => row.cells.slice(1, -1))).toEqual(left.map((row) => row.cells));
    expect(again.rows.map((row) => row.cells.at(-1))).toEqual(left.map((row) => `baris ${row.number} salah; "dikutip"`));
    expect(guessColumns(again.headers)[0]).toBeNull();
    expect(guessColumns(again.headers).at(-1)).toBeNull();
    // The same problems (duplicates now name the rows of the new file).
    const codes = (list: RowResult[]) => list.map((result) => result.problems.map((problem) => problem.code));
    expect(codes(check(again))).toEqual(codes(results.filter((result) => result.person === null)));

    // A second round replaces both added columns instead of adding more.
    const second = invalidRowsFile(again.headers, again.rows.map((row) => ({ number: row.number, cells: row.cells, error: 'lagi' })));
    const third = await read('kedua.csv', second);
    expect(third.headers).toEqual(['Baris', ...sheet.headers, 'Kesalahan']);
    expect(third.rows[0]?.cells[0]).toBe(String(again.rows[0]?.number));
  });

  it('keeps formulas from running in a spreadsheet, and reads them back as typed', async () => {
    const cells = ['=HYPERLINK("x")', '@SUM(A1)', '-2+3', '+62 812 3456 7001', '-', 'Budi'];
    const headers = ['A', 'B', 'C', 'D', 'E', 'F'];
    const file = invalidRowsFile(headers, [{ number: 7, cells, error: 'x' }]);
    expect(file).toContain(`7;"'=HYPERLINK(""x"")";'@SUM(A1);'-2+3;+62 812 3456 7001;-;Budi;x`);
    const again = await read('formulas.csv', file);
    expect(again.rows[0]?.cells).toEqual(['7', ...cells, 'x']);
  });
});
