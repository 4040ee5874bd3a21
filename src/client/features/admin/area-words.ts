import type { Language } from '../../i18n';
import { screenWordsHook } from '../../ui/screen-words';

/** The area section's words, in the admin chunk rather than the first download's dictionaries. */
const id = {
  intro: 'Kecamatan dan kelurahan wilayah kantor. Petugas memilih dari daftar ini saat menyaring daftar tindak lanjut; tiap perangkat menerimanya saat sinkron.',
  add: 'Tambah kelurahan',
  kecamatan: 'Kecamatan',
  kelurahan: 'Kelurahan',
  kecamatanHint: 'Pilih yang sudah ada atau ketik kecamatan baru.',
  save: 'Simpan',
  added: '{kelurahan} ditambahkan ke {kecamatan}.',
  changed: 'Daftar wilayah diperbarui.',
  empty: 'Daftar wilayah masih kosong: isian kecamatan dan kelurahan diterima apa adanya.',
  loading: 'Memuat daftar wilayah…',
  count: '{count} kelurahan',
  rename: 'Ubah nama',
  renameTitle: 'Ubah nama {kelurahan}, {kecamatan}',
  renamed: 'Nama kelurahan diubah menjadi {kelurahan}.',
};

export type AreaWord = keyof typeof id;

const en: Record<AreaWord, string> = {
  intro: "The office's kecamatan and kelurahan. Officers choose from this list when filtering the worklist; every device receives it when it syncs.",
  add: 'Add kelurahan',
  kecamatan: 'Kecamatan',
  kelurahan: 'Kelurahan',
  kecamatanHint: 'Choose one already listed or type a new kecamatan.',
  save: 'Save',
  added: '{kelurahan} added to {kecamatan}.',
  changed: 'The area list was updated.',
  empty: 'The area list is empty: kecamatan and kelurahan are accepted as typed.',
  loading: 'Loading the area list…',
  count: '{count} kelurahan',
  rename: 'Rename',
  renameTitle: 'Rename {kelurahan}, {kecamatan}',
  renamed: 'The kelurahan is now called {kelurahan}.',
};

export const useAreaWords = screenWordsHook<AreaWord>({ id, en } satisfies Record<Language, Record<AreaWord, string>>);
