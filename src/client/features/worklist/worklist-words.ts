import type { Language } from '../../i18n';
import { screenWordsHook, type ScreenTranslate } from '../../ui/screen-words';

/**
 * The worklist's own words, in both languages. They travel in the screen's lazy chunk,
 * not in src/client/i18n, whose dictionaries are in the first download (held to a gzip
 * budget, see vite.config.ts). Indonesian is the source: its keys define the English
 * dictionary, so a missing word is a type error.
 */
const id = {
  'loading': 'Menyiapkan daftar dari data di perangkat ini…',
  'summary': '{count} alumni perlu ditindaklanjuti.',
  'summary.counting': 'Yang paling mendesak dulu; menghitung semuanya…',
  'pulling': 'Memuat data: {count} dari {total} orang. Daftar ini masih bertambah.',
  'pulling.starting': 'Memuat data dari server…',
  'summary.filtered': '{count} dari {all} alumni sesuai saringan.',
  'empty': 'Tidak ada alumni yang perlu ditindaklanjuti di perangkat ini. Data baru datang saat sinkron.',
  'empty.filtered': 'Tidak ada alumni yang sesuai saringan.',

  'filters.title': 'Saring',
  'filters.active': 'saringan aktif',
  'filters.groupByKecamatan': 'Kelompokkan per kecamatan',
  'filters.kecamatan': 'Kecamatan',
  'filters.provider': 'Lembaga pelatihan',
  'filters.cohort': 'Angkatan',
  'filters.status': 'Status',
  'filters.all': 'Semua',
  'filters.clear': 'Hapus saringan',

  'bucket.overdue': 'Terlambat',
  'bucket.this-week': 'Minggu ini',
  'bucket.later': 'Berikutnya',
  'bucket.count': '{count} alumni',
  'kecamatan.none': 'Kecamatan belum diisi',
  'showMore': 'Tampilkan {count} lagi',

  'row.noCohort': 'Angkatan belum tersinkron',
  'row.notGraduated': 'Belum lulus',
  'row.daysSince': '{days} hari sejak lulus',
  'row.daysSince.one': '1 hari sejak lulus',
  'row.status': 'Status terakhir',
  'row.due': 'Jatuh tempo',
  'row.noNumber': 'Belum ada nomor telepon.',
  'row.call': 'Telepon',
  'row.whatsapp': 'WhatsApp',
  'row.sms': 'SMS',
  'row.log': 'Catat kontak',
  'row.selfReport': 'Buat tautan isi sendiri untuk',
  'row.selfReportShort': 'Buat tautan isi sendiri',
  'row.more': 'SMS dan tautan untuk',
  'row.selfReportFailed': 'Tautan isi sendiri belum bisa dibuat: {reason}',

  'status.employed': 'Bekerja',
  'status.business': 'Berwirausaha',
  'status.seeking': 'Mencari kerja',
  'status.unreachable': 'Tidak terhubung',
  'status.never-contacted': 'Belum pernah dihubungi',
};

export type WorklistWord = keyof typeof id;

const en: Record<WorklistWord, string> = {
  'loading': 'Preparing the list from the data on this device…',
  'summary': '{count} alumni to follow up.',
  'summary.counting': 'The most urgent first; counting them all…',
  'pulling': 'Loading data: {count} of {total} people. This list is still growing.',
  'pulling.starting': 'Loading data from the server…',
  'summary.filtered': '{count} of {all} alumni match the filters.',
  'empty': 'Nobody on this device is due for a follow-up. New data arrives when the device syncs.',
  'empty.filtered': 'No alumni match the filters.',

  'filters.title': 'Filter',
  'filters.active': 'filters on',
  'filters.groupByKecamatan': 'Group by kecamatan',
  'filters.kecamatan': 'Kecamatan',
  'filters.provider': 'Training provider',
  'filters.cohort': 'Cohort',
  'filters.status': 'Status',
  'filters.all': 'All',
  'filters.clear': 'Clear filters',

  'bucket.overdue': 'Overdue',
  'bucket.this-week': 'This week',
  'bucket.later': 'Later',
  'bucket.count': '{count} alumni',
  'kecamatan.none': 'No kecamatan recorded',
  'showMore': 'Show {count} more',

  'row.noCohort': 'Cohort not synced yet',
  'row.notGraduated': 'Not graduated',
  'row.daysSince': '{days} days since graduation',
  'row.daysSince.one': '1 day since graduation',
  'row.status': 'Last status',
  'row.due': 'Due',
  'row.noNumber': 'No phone number yet.',
  'row.call': 'Call',
  'row.whatsapp': 'WhatsApp',
  'row.sms': 'SMS',
  'row.log': 'Log contact',
  'row.selfReport': 'Make a self-report link for',
  'row.selfReportShort': 'Make a self-report link',
  'row.more': 'SMS and link for',
  'row.selfReportFailed': 'The self-report link could not be made: {reason}',

  'status.employed': 'Employed',
  'status.business': 'Own business',
  'status.seeking': 'Seeking work',
  'status.unreachable': 'Not reached',
  'status.never-contacted': 'Never contacted',
};

const WORDS: Record<Language, Record<WorklistWord, string>> = { id, en };

export type WorklistTranslate = ScreenTranslate<WorklistWord>;

/** `w(key, { count })` in the chosen language, for this screen's own words. */
export const useWorklistWords = screenWordsHook(WORDS);
