import type { Language } from '../../i18n';
import { screenWordsHook, type ScreenTranslate } from '../../ui/screen-words';

/**
 * The alumni search's own words, in both languages. They travel in the screen's lazy
 * chunk, not in src/client/i18n, whose dictionaries are in the first download (held to a
 * gzip budget, see vite.config.ts). Indonesian is the source: its keys define the English
 * dictionary, so a missing word is a type error.
 */
const id = {
  'search.label': 'Cari alumni',
  'search.hint': 'Awal kata mana pun dari nama, bagian NIK, atau nomor telepon dalam format apa pun.',
  'search.loading': 'Memuat data alumni di perangkat ini…',
  'search.empty': 'Ketik untuk mencari di antara {count} alumni di perangkat ini.',
  'search.emptyDevice': 'Belum ada data alumni di perangkat ini. Data datang saat sinkron.',
  'search.tooShort': 'Ketik paling sedikit 3 angka untuk mencari NIK atau nomor telepon.',
  'search.none': 'Tidak ada alumni yang cocok dengan “{query}”.',
  'search.found': '{count} alumni ditemukan.',
  'search.foundMany': '{count} alumni ditemukan; {shown} pertama ditampilkan. Ketik lebih lengkap untuk mempersempit.',

  'result.nik': 'NIK',
  'result.kecamatan': 'Kecamatan',
  'result.phone': 'Telepon',
  'result.none': '—',
};

export type AlumniWord = keyof typeof id;

const en: Record<AlumniWord, string> = {
  'search.label': 'Search alumni',
  'search.hint': 'The start of any word of the name, part of the NIK, or a phone number in any format.',
  'search.loading': 'Loading the alumni on this device…',
  'search.empty': 'Type to search the {count} alumni on this device.',
  'search.emptyDevice': 'No alumni on this device yet. They arrive when the device syncs.',
  'search.tooShort': 'Type at least 3 digits to search a NIK or phone number.',
  'search.none': 'No alumni match “{query}”.',
  'search.found': '{count} alumni found.',
  'search.foundMany': '{count} alumni found; the first {shown} are shown. Type more to narrow the search.',

  'result.nik': 'NIK',
  'result.kecamatan': 'Kecamatan',
  'result.phone': 'Phone',
  'result.none': '—',
};

const WORDS: Record<Language, Record<AlumniWord, string>> = { id, en };

export type AlumniTranslate = ScreenTranslate<AlumniWord>;

/** `w(key, { count })` in the chosen language, for this screen's own words. */
export const useAlumniWords = screenWordsHook(WORDS);
