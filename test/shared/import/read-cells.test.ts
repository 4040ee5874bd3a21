import { describe, expect, it } from 'vitest';
import { cellText } from '../../../src/shared/import/cell-text';
import { detectDelimiter } from '../../../src/shared/import/detect-delimiter';
import { findHeaderRow, guessColumns, guessField } from '../../../src/shared/import/guess-columns';
import { unmappedRequiredFields, unusedColumns } from '../../../src/shared/import/import-fields';
import { splitBirthPlaceDate } from '../../../src/shared/import/split-birth-place-date';
import { parseImportDate } from '../../../src/shared/import/parse-import-date';
import { readEducation, readGender } from '../../../src/shared/import/read-choices';

describe('guessing a column from its header', () => {
  it.each([
    ['NIK', 'nik'], ['No. KTP', 'nik'], ['nik ', 'nik'],
    ['Nama', 'name'], ['Nama Lengkap', 'name'], ['NAMA_PESERTA', 'name'], ['Name', 'name'], ['Full name', 'name'],
    ['Jenis Kelamin', 'gender'], ['JK', 'gender'], ['L/P', 'gender'], ['Gender', 'gender'],
    ['Tanggal Lahir', 'birthDate'], ['Tgl. Lahir', 'birthDate'], ['tgl lahir', 'birthDate'], ['Birth date', 'birthDate'], ['Date of birth', 'birthDate'],
    ['No HP', 'phone'], ['No. HP', 'phone'], ['HP', 'phone'], ['Phone', 'phone'], ['No. Telp', 'phone'],
    ['No WA', 'whatsapp'], ['WhatsApp', 'whatsapp'], ['No HP/WA', 'phoneWhatsapp'], ['No. HP / WA', 'phoneWhatsapp'],
    ['Alamat', 'address'], ['Address', 'address'], ['Kelurahan', 'kelurahan'], ['Kel/Desa', 'kelurahan'], ['Kecamatan', 'kecamatan'],
    ['Pendidikan', 'education'], ['Pendidikan Terakhir', 'education'], ['Education', 'education'],
    ['No', null], ['Keterangan', null], ['', null], ['Kesalahan', null], ['Baris', null],
    ['alamat_rumah', 'address'], ['Alamat Rumah', 'address'], ['Alamat KTP', 'address'], ['ALAMAT DOMISILI', 'address'],
    ['telp_hp', 'phone'], ['No. Telp/HP', 'phone'], ['No. Telp.', 'phone'], ['Nomor Telepon', 'phone'], ['No Handphone', 'phone'],
    ['No. KTP/NIK', 'nik'], ['Nomor NIK', 'nik'], ['NIK (16 digit)', 'nik'], ['No_NIK', 'nik'], ['NIK/No. KTP', 'nik'],
    ['Jenis Kelamin (L/P)', 'gender'], ['JK (L/P)', 'gender'], ['Tanggal Lahir (dd/mm/yyyy)', 'birthDate'], ['Tgl Lahir (dd-mm-yyyy)', 'birthDate'],
    ['TTL', 'birthPlaceDate'], ['Tempat/Tgl Lahir', 'birthPlaceDate'], ['Tempat, Tanggal Lahir', 'birthPlaceDate'], ['tempat_tgl_lahir', 'birthPlaceDate'],
    ['(L/P)', 'gender'],
    ['Email', 'email'], ['E-mail', 'email'], ['Alamat Email', 'email'],
    ['Kabupaten', 'regency'], ['Kab/Kota', 'regency'], ['Kota', 'regency'], ['Kabupaten/Kota', 'regency'],
    ['Provinsi', 'province'], ['Propinsi', 'province'], ['Tempat Lahir', 'birthPlace'], ['tempat_lahir', 'birthPlace'],
  ])('%j → %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it('gives a field to the first of two columns naming it, and ignores the second', () => {
    expect(guessColumns(['No', 'Nama', 'NIK', 'Nama Lengkap', 'HP'])).toEqual([null, 'name', 'nik', null, 'phone']);
  });

  it('lists the columns with content that fill no field, so none is dropped unseen', () => {
    const rows = [{ cells: ['1', 'x', '', ''] }, { cells: ['2', 'y', '', 'z'] }];
    expect(unusedColumns(['No', 'NIK', '', ''], [null, 'nik', null, null], rows)).toEqual([0, 3]);
  });

  it('says which required fields no column fills, a TTL column filling the birth date', () => {
    expect(unmappedRequiredFields(['nik', 'name', 'gender', 'birthPlaceDate', 'education'])).toEqual([]);
    expect(unmappedRequiredFields(['nik', 'name', null, 'phone'])).toEqual(['gender', 'birthDate', 'education']);
    expect(unmappedRequiredFields(['nik', 'name', 'gender', 'birthDate', 'education'])).toEqual([]);
  });
});

describe('splitting a TTL cell', () => {
  it.each([
    ['Bontang, 17-08-2001', 'Bontang', '17-08-2001'],
    ['Kota Bontang , 17 Agustus 2001', 'Kota Bontang', '17 Agustus 2001'],
    ['Samarinda 05/03/1999', 'Samarinda', '05/03/1999'],
    ['Tanjung Redeb 17 Agt 2001', 'Tanjung Redeb', '17 Agt 2001'],
    ['17/08/2001', '', '17/08/2001'],
    ['Bontang', '', 'Bontang'],
  ])('%j → place %j, date %j', (text, place, date) => {
    expect(splitBirthPlaceDate(text)).toEqual({ place, date });
  });
});

describe('finding the header row', () => {
  it.each([
    ['the first row', [['NIK', 'Nama', 'JK'], ['1', 'a', 'L']], 0],
    ['below a title and a blank row', [['DAFTAR PESERTA'], [], ['No', 'NIK', 'Nama', 'Tgl Lahir'], ['1', '2', '3', '4']], 2],
    ['the best match when a title names one header', [['Nama LPK'], ['NIK', 'Nama', 'JK']], 1],
    ['row 0 when nothing matches', [['a', 'b'], ['c', 'd']], 0],
  ])('%s', (_label, rows, index) => {
    expect(findHeaderRow(rows)).toBe(index);
  });
});

describe('reading dates', () => {
  it.each([
    ['17/08/2001', '2001-08-17'], ['17-08-2001', '2001-08-17'], ['17.08.2001', '2001-08-17'], ['7/8/2001', '2001-08-07'],
    ['2001-08-17', '2001-08-17'], ['2001-8-7', '2001-08-07'], ['2001-08-17T00:00:00.000Z', '2001-08-17'],
    ['17 Agustus 2001', '2001-08-17'], ['17 Agt 2001', '2001-08-17'], ['5 March 1999', '1999-03-05'], ['17-Aug-2001', '2001-08-17'],
    ['37120', '2001-08-17'], ['36224', '1999-03-05'], ['37120.0', '2001-08-17'], [' 29/02/2000 ', '2000-02-29'],
  ])('%j is %s', (text, date) => {
    expect(parseImportDate(text)).toEqual({ ok: true, date });
  });

  it.each([
    ['31/02/2001', 'invalid-date'], ['29/02/2001', 'invalid-date'], ['2001-13-17', 'invalid-date'], ['00/08/2001', 'invalid-date'],
    ['kemarin', 'date-unreadable'], ['17/08/01', 'date-unreadable'], ['17 Foo 2001', 'date-unreadable'], ['0', 'date-unreadable'],
    ['999999', 'date-unreadable'], ['37120.5', 'date-unreadable'],
  ])('%j is refused as %s', (text, problem) => {
    expect(parseImportDate(text)).toEqual({ ok: false, problem });
  });
});

describe('reading gender and education', () => {
  it.each([
    ['L', 'male'], ['l', 'male'], ['Laki-laki', 'male'], ['LAKI LAKI', 'male'], ['Pria', 'male'], ['M', 'male'], ['Male', 'male'],
    ['P', 'female'], ['Perempuan', 'female'], ['Wanita', 'female'], ['F', 'female'], ['female', 'female'],
    ['X', null], ['', null], ['Lelaki?', null],
  ])('gender %j → %s', (text, gender) => {
    expect(readGender(text)).toBe(gender);
  });

  it.each([
    ['SD', 'sd'], ['SMP', 'smp'], ['SLTP', 'smp'], ['MTs', 'smp'], ['SMA', 'sma'], ['SLTA', 'sma'], ['SMA/Sederajat', 'sma'], ['Paket C', 'sma'],
    ['SMK', 'smk'], ['STM', 'smk'], ['D-3', 'd3'], ['D3', 'd3'], ['Diploma III', 'd3'], ['D4', 'd4'], ['S1', 's1'], ['S-1', 's1'], ['Sarjana', 's1'],
    ['S2', 's2'], ['S3', 's3'], ['Tidak sekolah', 'none'], ['Kursus', null], ['', null],
  ])('education %j → %s', (text, level) => {
    expect(readEducation(text)).toBe(level);
  });
});

describe('cell text', () => {
  it.each([
    [null, ''], [undefined, ''], ['  Ahmad  ', 'Ahmad'], [6474011708010001, '6474011708010001'], [true, 'true'],
    [new Date(Date.UTC(2001, 7, 17)), '2001-08-17'], [new Date(Date.UTC(2001, 7, 16, 23, 59, 30)), '2001-08-17'], [new Date(Number.NaN), ''],
    ["'=SUM(A1)", '=SUM(A1)'], ["'+tambah", '+tambah'], ["O'Brien", "O'Brien"], [{}, ''],
  ])('%j → %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('the separator of a CSV file', () => {
  it.each([
    ['NIK;Nama;JK\r\n1;2;3\r\n', ';'],
    ['NIK,Nama,JK\n1,2,3\n', ','],
    ['NIK\tNama\n1\t2\n', '\t'],
    ['NIK;Nama\r\n;\r\n', ';'],
    ['DAFTAR PESERTA, ANGKATAN I\r\nNIK;Nama;Alamat\r\n1;2;"Jl. A, No. 1"\r\n3;4;5\r\n', ';'],
    ['Nama\nBudi\n', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
