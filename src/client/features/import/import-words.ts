import type { Language } from '../../i18n';
import { screenWordsHook, type ScreenTranslate } from '../../ui/screen-words';

/**
 * The import screen's own words, in both languages. They travel in the screen's lazy
 * chunk, not in src/client/i18n, whose dictionaries are in the first download.
 * Indonesian is the source: its keys define the English dictionary, so a missing word
 * is a type error.
 */
const id = {
  'intro': 'Bawa daftar peserta dari berkas CSV atau Excel (XLSX). Berkas dibaca di perangkat ini saja, juga saat luring; peserta tersimpan di perangkat dan dikirim ke server saat sinkron.',
  'cohort': 'Angkatan tujuan',
  'cohort.choose': '— pilih angkatan —',
  'cohort.none': 'Belum ada angkatan lembaga Anda di perangkat ini. Buat angkatan dulu, atau tunggu sinkron.',
  'file': 'Berkas peserta (CSV atau XLSX)',
  'file.hint': 'Baris judul di atas kepala kolom tidak apa-apa. Tanggal boleh ditulis 17/08/2001, 2001-08-17 atau berformat tanggal Excel.',
  'file.reading': 'Membaca {name}…',
  'file.read': '{name}: {count} baris data, kepala kolom di baris {header}.',
  'file.file-kind': 'Pilih berkas .csv atau .xlsx.',
  'file.file-unreadable': 'Berkas ini tidak dapat dibaca. Simpan ulang sebagai CSV atau XLSX lalu coba lagi.',
  'file.file-empty': 'Tidak ada baris data di berkas ini.',

  'mapping.title': 'Kolom',
  'mapping.intro': 'Periksa isi setiap kolom. Kolom yang tidak dikenal diabaikan.',
  'mapping.column': 'Kolom “{header}”',
  'mapping.column.blank': 'Kolom {letter} (tanpa judul)',
  'mapping.ignore': '— abaikan —',
  'mapping.missing': 'Belum ada kolom untuk: {fields}.',
  'mapping.unused': '{count} kolom tidak dipakai: {columns}. Isinya tidak diimpor; pilih isian di atas bila perlu.',
  'mapping.birthPlace': 'Dari kolom TTL hanya tanggal lahir yang diimpor; tempat lahir belum disimpan.',

  'field.nik': 'NIK',
  'field.name': 'Nama',
  'field.gender': 'Jenis kelamin',
  'field.birthPlace': 'Tempat lahir',
  'field.birthDate': 'Tanggal lahir',
  'field.birthPlaceDate': 'Tempat, tanggal lahir (TTL)',
  'field.phone': 'No. HP',
  'field.whatsapp': 'No. WhatsApp',
  'field.phoneWhatsapp': 'No. HP/WA (keduanya)',
  'field.address': 'Alamat',
  'field.kelurahan': 'Kelurahan',
  'field.kecamatan': 'Kecamatan',
  'field.regency': 'Kabupaten/kota',
  'field.province': 'Provinsi',
  'field.email': 'Email',
  'field.education': 'Pendidikan',

  'preview.title': 'Pratinjau',
  'preview.windows1252': 'Berkas ini tidak tersimpan sebagai UTF-8, jadi dibaca sebagai CSV Excel Windows (Windows-1252). Periksa huruf seperti é dan ’ pada nama di bawah; bila salah, simpan ulang dari Excel sebagai “CSV UTF-8”.',
  'preview.summary': '{valid} baris siap diimpor, {invalid} baris bermasalah.',
  'preview.allValid': 'Semua {valid} baris siap diimpor.',
  'preview.fixIntro': 'Perbaiki langsung di sini, atau biarkan: baris bermasalah tidak diimpor dan dapat diunduh sebagai berkas untuk diperbaiki.',
  'preview.row': 'Baris {number}',
  'preview.cell': 'Baris {number}: {field}',
  'preview.rowReady': 'Siap diimpor',
  'preview.rowProblems': 'Masalah: {count}',
  'preview.more': 'Tampilkan {count} baris lagi',
  'preview.confirmNik': 'NIK {nik} sudah dicocokkan dengan KTP',

  'problem.gender-unknown': 'tulis L atau P (Laki-laki/Perempuan)',
  'problem.education-unknown': 'tulis SD, SMP, SMA, SMK, D1–D4, S1–S3 atau Tidak sekolah',
  'problem.date-unreadable': 'bukan tanggal; tulis misalnya 17/08/2001',
  'problem.invalid-date': 'tanggal ini tidak ada di kalender',
  'problem.unreadable-character': 'ada huruf yang rusak (�); ketik ulang, atau simpan berkas sebagai “CSV UTF-8”',
  'problem.nik-from-number': 'periksa digit terakhir: Excel hanya menyimpan 15 angka, dan kolom ini tersimpan sebagai angka. Cocokkan dengan KTP, lalu perbaiki atau tandai benar',
  'problem.duplicate-in-file': 'NIK yang sama ada di baris {rows}',
  'problem.already-enrolled': 'NIK ini sudah terdaftar di angkatan ini',
  'problem.not-stored': 'tidak tersimpan: penyimpanan perangkat penuh atau gagal',

  'import': 'Impor {count} peserta',
  'import.chooseCohort': 'Pilih angkatan tujuan untuk mengimpor.',
  'import.progress': 'Mengimpor {done} dari {total} peserta…',
  'done.title': 'Selesai',
  'done.summary': '{imported} peserta diimpor, {rejected} baris tidak diimpor.',
  'done.allImported': 'Semua {imported} peserta diimpor. Mereka dikirim ke server saat sinkron.',
  'done.download': 'Unduh {count} baris yang tidak diimpor (CSV)',
  'done.downloadHint': 'Berkas ini berisi kolom yang sama ditambah kolom “Baris” (nomor baris di berkas asli) dan “Kesalahan”. Perbaiki lalu impor lagi.',
  'done.again': 'Impor berkas lain',
  'invalidFile.suffix': 'tidak-diimpor',
};

export type ImportWord = keyof typeof id;

const en: Record<ImportWord, string> = {
  'intro': 'Bring in a participant list from a CSV or Excel (XLSX) file. The file is read on this device only, offline too; the participants are saved on the device and sent to the server when it syncs.',
  'cohort': 'Target cohort',
  'cohort.choose': '— choose a cohort —',
  'cohort.none': 'This device holds no cohort of your provider yet. Create one first, or wait for a sync.',
  'file': 'Participant file (CSV or XLSX)',
  'file.hint': 'A title row above the column headers is fine. Dates may be written 17/08/2001, 2001-08-17 or be Excel dates.',
  'file.reading': 'Reading {name}…',
  'file.read': '{name}: {count} data rows, column headers in row {header}.',
  'file.file-kind': 'Choose a .csv or .xlsx file.',
  'file.file-unreadable': 'This file cannot be read. Save it again as CSV or XLSX and retry.',
  'file.file-empty': 'This file has no data rows.',

  'mapping.title': 'Columns',
  'mapping.intro': 'Check what each column holds. Columns not recognised are ignored.',
  'mapping.column': 'Column “{header}”',
  'mapping.column.blank': 'Column {letter} (no header)',
  'mapping.ignore': '— ignore —',
  'mapping.missing': 'No column yet for: {fields}.',
  'mapping.unused': '{count} columns not used: {columns}. What they hold is not imported; choose a field above if needed.',
  'mapping.birthPlace': 'From the TTL column only the birth date is imported; the place of birth is not stored yet.',

  'field.nik': 'NIK',
  'field.name': 'Name',
  'field.gender': 'Gender',
  'field.birthPlace': 'Place of birth',
  'field.birthDate': 'Birth date',
  'field.birthPlaceDate': 'Place and date of birth (TTL)',
  'field.phone': 'Phone',
  'field.whatsapp': 'WhatsApp',
  'field.phoneWhatsapp': 'Phone/WhatsApp (both)',
  'field.address': 'Address',
  'field.kelurahan': 'Kelurahan',
  'field.kecamatan': 'Kecamatan',
  'field.regency': 'Regency/city',
  'field.province': 'Province',
  'field.email': 'Email',
  'field.education': 'Education',

  'preview.title': 'Preview',
  'preview.windows1252': 'This file is not saved as UTF-8, so it was read as a Windows Excel CSV (Windows-1252). Check letters such as é and ’ in the names below; if they are wrong, save it again from Excel as “CSV UTF-8”.',
  'preview.summary': '{valid} rows ready to import, {invalid} rows with problems.',
  'preview.allValid': 'All {valid} rows are ready to import.',
  'preview.fixIntro': 'Fix them here, or leave them: rows with problems are not imported and can be downloaded as a file to correct.',
  'preview.row': 'Row {number}',
  'preview.cell': 'Row {number}: {field}',
  'preview.rowReady': 'Ready to import',
  'preview.rowProblems': 'Problems: {count}',
  'preview.more': 'Show {count} more rows',
  'preview.confirmNik': 'NIK {nik} matches the KTP',

  'problem.gender-unknown': 'write L or P (male/female)',
  'problem.education-unknown': 'write SD, SMP, SMA, SMK, D1–D4, S1–S3 or Tidak sekolah',
  'problem.date-unreadable': 'is not a date; write e.g. 17/08/2001',
  'problem.invalid-date': 'this day does not exist in the calendar',
  'problem.unreadable-character': 'has a broken letter (�); retype it, or save the file as “CSV UTF-8”',
  'problem.nik-from-number': 'check the last digits: Excel keeps only 15, and this column was stored as numbers. Compare it with the KTP, then correct it or mark it right',
  'problem.duplicate-in-file': 'the same NIK is in row {rows}',
  'problem.already-enrolled': 'this NIK is already enrolled in this cohort',
  'problem.not-stored': 'not saved: the device storage is full or failed',

  'import': 'Import {count} participants',
  'import.chooseCohort': 'Choose the target cohort to import.',
  'import.progress': 'Importing {done} of {total} participants…',
  'done.title': 'Done',
  'done.summary': '{imported} participants imported, {rejected} rows not imported.',
  'done.allImported': 'All {imported} participants imported. They are sent to the server when the device syncs.',
  'done.download': 'Download the {count} rows not imported (CSV)',
  'done.downloadHint': 'The file has the same columns plus a “Baris” (row in the original file) and a “Kesalahan” (errors) column. Correct it and import it again.',
  'done.again': 'Import another file',
  'invalidFile.suffix': 'not-imported',
};

const WORDS: Record<Language, Record<ImportWord, string>> = { id, en };

export type ImportTranslate = ScreenTranslate<ImportWord>;

/** `w(key, { count })` in the chosen language, for this screen's own words. */
export const useImportWords = screenWordsHook(WORDS);
