import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../../src/shared/import/check-sheet';
import type { ColumnMapping } from '../../../src/shared/import/import-fields';
import { validateRow } from '../../../src/shared/import/validate-row';

const MAPPING: ColumnMapping = ['nik', 'name', 'gender', 'birthDate', 'phone', 'whatsapp', 'address', 'kelurahan', 'kecamatan', 'education'];
const GOOD = ['6474011708010001', 'Ahmad Fauzi', 'L', '17/08/2001', '0812-3456-7001', '', 'Jl. Cendana 1', 'Api-Api', 'Bontang Utara', 'SMA'];
/** GOOD with some cells changed, by field. */
function row(changes: Partial<Record<string, string>> = {}): string[] {
  return GOOD.map((cell, index) => changes[MAPPING[index] ?? ''] ?? cell);
}

describe('one row', () => {
  it('turns a good row into the person enrollment.create takes', () => {
    expect(validateRow(row(), MAPPING)).toEqual({
      nik: '6474011708010001',
      problems: [],
      person: {
        nik: '6474011708010001', name: 'Ahmad Fauzi', gender: 'male', birthDate: '2001-08-17', phone: '+6281234567001', whatsapp: null,
        address: 'Jl. Cendana 1', kelurahan: 'Api-Api', kecamatan: 'Bontang Utara', education: 'sma',
        birthPlace: '', email: '', regency: '', province: '',
      },
    });
  });

  it.each([
    ['an empty NIK', { nik: '' }, 'nik', 'required'],
    ['a short NIK', { nik: '647401170801' }, 'nik', 'nik-length'],
    ['a NIK with a letter', { nik: '64740117O8010001' }, 'nik', 'nik-format'],
    ['a NIK of province 00', { nik: '0074011708010001' }, 'nik', 'nik-province'],
    ['a NIK whose date part is day 32', { nik: '6474013208010001' }, 'nik', 'nik-birth-date'],
    ['no name', { name: '  ' }, 'name', 'required'],
    ['a name of 121 characters', { name: 'x'.repeat(121) }, 'name', 'too-long'],
    ['no gender', { gender: '' }, 'gender', 'required'],
    ['gender X', { gender: 'X' }, 'gender', 'gender-unknown'],
    ['no birth date', { birthDate: '' }, 'birthDate', 'required'],
    ['31 February', { birthDate: '31/02/2001' }, 'birthDate', 'invalid-date'],
    ['a birth date in words', { birthDate: 'kemarin' }, 'birthDate', 'date-unreadable'],
    ['a bad phone number', { phone: '12345' }, 'phone', 'phone-invalid'],
    ['a bad WhatsApp number', { whatsapp: '0000' }, 'whatsapp', 'phone-invalid'],
    ['no education', { education: '' }, 'education', 'required'],
    ['an unknown education', { education: 'Kursus' }, 'education', 'education-unknown'],
  ])('refuses %s, naming the cell', (_label, changes, field, code) => {
    const check = validateRow(row(changes), MAPPING);
    expect(check.person).toBeNull();
    expect(check.problems).toEqual([{ field, code }]);
  });

  it('refuses a cell holding U+FFFD, the mark a wrong decoding leaves where a letter was', () => {
    const check = validateRow(row({ name: 'Andr\uFFFD Sut\uFFFDdja' }), MAPPING);
    expect(check.person).toBeNull();
    expect(check.problems).toEqual([{ field: 'name', code: 'unreadable-character' }]);
  });

  it('holds back a NIK the file stored as a number (Excel keeps 15 digits), however right it looks', () => {
    const check = validateRow(row(), MAPPING, [0]);
    expect(check.person).toBeNull();
    expect(check.problems).toEqual([{ field: 'nik', code: 'nik-from-number' }]);
    // Other number cells (a phone, a date serial) are not in doubt.
    expect(validateRow(row({ birthDate: '37120' }), MAPPING, [3, 4]).problems).toEqual([]);
  });

  it('says both what is wrong with a NIK from a number cell and that it was a number', () => {
    expect(validateRow(row({ nik: '6,47405E+15' }), MAPPING, [0]).problems).toEqual([
      { field: 'nik', code: 'nik-format' }, { field: 'nik', code: 'nik-from-number' },
    ]);
  });

  it('reads the birth date from a TTL column, and names that column when the date is wrong', () => {
    const mapping: ColumnMapping = ['nik', 'name', 'gender', 'birthPlaceDate', null, null, null, null, null, 'education'];
    expect(validateRow(row({ birthDate: 'Bontang, 17-08-2001' }), mapping).person).toMatchObject({ birthDate: '2001-08-17' });
    expect(validateRow(row({ birthDate: 'Bontang, 31-02-2001' }), mapping).problems).toEqual([{ field: 'birthPlaceDate', code: 'invalid-date' }]);
    expect(validateRow(row({ birthDate: '' }), mapping).problems).toEqual([{ field: 'birthDate', code: 'required' }]);
  });

  it("takes a TTL column's place as the place of birth, unless a place-of-birth column has one", () => {
    const mapping: ColumnMapping = ['nik', 'name', 'gender', 'birthPlaceDate', 'birthPlace', null, null, null, null, 'education'];
    expect(validateRow(row({ birthDate: 'Bontang, 17-08-2001', phone: '' }), mapping).person).toMatchObject({ birthPlace: 'Bontang' });
    expect(validateRow(row({ birthDate: 'Bontang, 17-08-2001', phone: 'Samarinda' }), mapping).person).toMatchObject({ birthPlace: 'Samarinda' });
    expect(validateRow(row({ birthDate: `${'x'.repeat(81)}, 17-08-2001`, phone: '' }), mapping).problems)
      .toEqual([{ field: 'birthPlaceDate', code: 'too-long' }]);
  });

  it('reads email, kabupaten/kota and provinsi, and refuses an email that is not one', () => {
    const mapping: ColumnMapping = ['nik', 'name', 'gender', 'birthDate', 'email', 'regency', 'province', null, null, 'education'];
    const cells = row({ phone: 'siti@contoh.id', whatsapp: 'Kota Bontang', address: 'Kalimantan Timur' });
    expect(validateRow(cells, mapping).person).toMatchObject({ email: 'siti@contoh.id', regency: 'Kota Bontang', province: 'Kalimantan Timur' });
    expect(validateRow(row({ phone: 'siti@contoh' }), mapping).problems).toEqual([{ field: 'email', code: 'email-invalid' }]);
  });

  it('reports every wrong cell of a row, not just the first', () => {
    const check = validateRow(row({ nik: '123', gender: '?', birthDate: '31/02/2001' }), MAPPING);
    expect(check.problems.map((problem) => `${problem.field}:${problem.code}`).sort()).toEqual(['birthDate:invalid-date', 'gender:gender-unknown', 'nik:nik-length']);
  });

  it('fills phone and WhatsApp from one "No HP/WA" column, and names that column when it is wrong', () => {
    const mapping: ColumnMapping = ['nik', 'name', 'gender', 'birthDate', 'phoneWhatsapp', null, null, null, null, 'education'];
    expect(validateRow(row(), mapping).person).toMatchObject({ phone: '+6281234567001', whatsapp: '+6281234567001', address: '' });
    expect(validateRow(row({ phone: '999' }), mapping).problems).toEqual([{ field: 'phoneWhatsapp', code: 'phone-invalid' }]);
  });

  it('reads the fields of columns in any order, ignoring unmapped ones', () => {
    const mapping: ColumnMapping = [null, 'education', 'birthDate', 'gender', 'name', 'nik'];
    const check = validateRow(['7', 'S1', '2001-08-17', 'Perempuan', 'Siti', '6474 0157 0801 0002'], mapping);
    expect(check.person).toMatchObject({ nik: '6474015708010002', name: 'Siti', gender: 'female', birthDate: '2001-08-17', education: 's1', phone: null });
  });
});

describe('the whole sheet', () => {
  const rows = [
    { number: 2, cells: row() },
    { number: 3, cells: row({ nik: '6474011708010002' }) },
    { number: 5, cells: row({ nik: '6474 0117 0801 0001', name: 'Ahmad F.' }) },
    { number: 6, cells: row({ nik: '6474011708010003' }) },
    { number: 7, cells: row({ nik: '6474011708010001', name: 'Ahmad lagi' }) },
    { number: 8, cells: row({ nik: '6474011708010009' }) },
  ];

  it('flags every row of a NIK that appears more than once, naming the other rows', () => {
    const results = checkSheet(rows, MAPPING, new Set());
    expect(results.map((result) => [result.number, result.person === null ? result.problems : 'ok'])).toEqual([
      [2, [{ field: 'nik', code: 'duplicate-in-file', rows: [5, 7] }]],
      [3, 'ok'],
      [5, [{ field: 'nik', code: 'duplicate-in-file', rows: [2, 7] }]],
      [6, 'ok'],
      [7, [{ field: 'nik', code: 'duplicate-in-file', rows: [2, 5] }]],
      [8, 'ok'],
    ]);
  });

  it('imports the row the clerk kept of a NIK listed more than once, and leaves the others out naming it', () => {
    const results = checkSheet(rows, MAPPING, new Set(), undefined, new Map([['6474011708010001', 5]]));
    expect(results.map((result) => [result.number, result.person === null ? result.problems : result.person.name])).toEqual([
      [2, [{ field: 'nik', code: 'duplicate-left-out', rows: [5] }]],
      [3, 'Ahmad Fauzi'],
      [5, 'Ahmad F.'],
      [6, 'Ahmad Fauzi'],
      [7, [{ field: 'nik', code: 'duplicate-left-out', rows: [5] }]],
      [8, 'Ahmad Fauzi'],
    ]);
  });

  it('forgets a kept row once its NIK was retyped: the rows left still wait for a choice', () => {
    const retyped = rows.map((sheetRow) => (sheetRow.number === 5 ? { ...sheetRow, cells: row({ nik: '6474011708010005' }) } : sheetRow));
    const results = checkSheet(retyped, MAPPING, new Set(), undefined, new Map([['6474011708010001', 5]]));
    expect(results.filter((result) => result.person === null).map((result) => [result.number, result.problems])).toEqual([
      [2, [{ field: 'nik', code: 'duplicate-in-file', rows: [7] }]],
      [7, [{ field: 'nik', code: 'duplicate-in-file', rows: [2] }]],
    ]);
  });

  it('flags a NIK already enrolled in the cohort', () => {
    const results = checkSheet(rows, MAPPING, new Set(['6474011708010003']));
    expect(results.find((result) => result.number === 6)?.problems).toEqual([{ field: 'nik', code: 'already-enrolled' }]);
  });

  it('finds the same person twice among NIKs still to be checked', () => {
    const twins = [{ number: 2, cells: row(), numberColumns: [0] }, { number: 3, cells: row() }];
    expect(checkSheet(twins, MAPPING, new Set()).map((result) => result.problems)).toEqual([
      [{ field: 'nik', code: 'nik-from-number' }, { field: 'nik', code: 'duplicate-in-file', rows: [3] }],
      [{ field: 'nik', code: 'duplicate-in-file', rows: [2] }],
    ]);
  });

  it('never calls two invalid NIKs duplicates: the NIK problem says enough', () => {
    const twins = [{ number: 2, cells: row({ nik: '123' }) }, { number: 3, cells: row({ nik: '123' }) }];
    expect(checkSheet(twins, MAPPING, new Set(['123'])).map((result) => result.problems)).toEqual([
      [{ field: 'nik', code: 'nik-length' }], [{ field: 'nik', code: 'nik-length' }],
    ]);
  });

  it('clears a duplicate on both rows once one of them is corrected', () => {
    const corrected = rows.map((sheetRow) => (sheetRow.number === 5 || sheetRow.number === 7 ? { ...sheetRow, cells: row({ nik: `647401170801000${sheetRow.number}` }) } : sheetRow));
    expect(checkSheet(corrected, MAPPING, new Set()).every((result) => result.person !== null)).toBe(true);
  });
});
