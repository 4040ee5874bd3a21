import type { Language } from '../../i18n';
import { screenWordsHook, type ScreenTranslate } from '../../ui/screen-words';

/**
 * The follow-up form's own words, in both languages. They travel in the form's lazy
 * chunk rather than in src/client/i18n, whose dictionaries are in the first download
 * (held to a gzip budget, see vite.config.ts). Indonesian is the source: its keys define
 * the English dictionary, so a missing word is a type error.
 */
const id = {
  'title': 'Catat kontak',
  'formLabel': 'Catat kontak dengan {name}',
  'back': 'Kembali ke {name}',
  'notFound': 'Alumni ini tidak ada di perangkat Anda. Mungkin datanya belum tersinkron.',
  'notFound.back': 'Ke daftar alumni',

  'channel': 'Cara kontak',
  'channel.visit': 'Kunjungan',
  'channel.phone': 'Telepon',
  'channel.whatsapp': 'WhatsApp',
  'reached': 'Berhasil terhubung?',
  'reached.yes': 'Ya, terhubung',
  'reached.no': 'Tidak terhubung',
  'reason': 'Alasan tidak terhubung',
  'reason.no-answer': 'Tidak menjawab',
  'reason.wrong-number': 'Nomor salah',
  'reason.moved': 'Pindah',
  'reason.refused': 'Menolak',
  'reason.other': 'Lainnya',
  'status': 'Status yang ditemukan',
  'status.employed': 'Bekerja',
  'status.business': 'Berwirausaha',
  'status.seeking': 'Masih mencari kerja',

  'employer': 'Tempat kerja',
  'jobTitle': 'Jabatan',
  'sector': 'Sektor',
  'employedSince': 'Mulai bekerja (bulan)',
  'incomeBand': 'Penghasilan per bulan',
  'businessName': 'Nama usaha',
  'businessKind': 'Jenis usaha',
  'businessSince': 'Mulai usaha (bulan)',
  'businessEmployees': 'Jumlah pekerja',
  'businessEmployees.hint': 'Selain pemilik. Kosongkan bila tidak tahu.',
  'revenueBand': 'Omzet per bulan',
  'band.none': 'Tidak diketahui',
  'band.under-1m': 'Di bawah Rp1 juta',
  'band.1m-3m': 'Rp1–3 juta',
  'band.3m-5m': 'Rp3–5 juta',
  'band.5m-10m': 'Rp5–10 juta',
  'band.over-10m': 'Di atas Rp10 juta',

  'notes': 'Catatan',
  'contactedAt': 'Waktu kontak',
  'nextDate': 'Tindak lanjut berikutnya',
  'nextDate.hint': 'Diusulkan dari jadwal 3, 6 dan 12 bulan setelah lulus; boleh diubah.',
  'nextDate.hint.none': 'Tidak ada usulan: jadwal 3, 6 dan 12 bulan setelah lulus tidak memberi tanggal sesudah kontak ini. Isi bila perlu.',

  'location': 'Lokasi (tidak wajib)',
  'location.add': 'Tambah lokasi',
  'location.locating': 'Mencari lokasi…',
  'location.fix': 'Lokasi tercatat, akurasi ± {metres} m.',
  'location.again': 'Ambil ulang',
  'location.remove': 'Hapus lokasi',
  'location.denied': 'Izin lokasi ditolak. Izinkan lokasi di pengaturan browser, atau simpan tanpa lokasi.',
  'location.timeout': 'Lokasi belum ditemukan. Coba lagi di tempat terbuka, atau simpan tanpa lokasi.',
  'location.unavailable': 'Lokasi tidak tersedia di perangkat ini. Simpan tanpa lokasi.',

  'save': 'Simpan kontak',
  'draft.restored': 'Draf dipulihkan: isian yang belum disimpan tadi.',
  'draft.discard': 'Buang draf',
};

export type FollowUpWord = keyof typeof id;

const en: Record<FollowUpWord, string> = {
  'title': 'Log a contact',
  'formLabel': 'Log a contact with {name}',
  'back': 'Back to {name}',
  'notFound': 'This alumnus is not on your device. The data may not have synced yet.',
  'notFound.back': 'To the alumni list',

  'channel': 'How',
  'channel.visit': 'Visit',
  'channel.phone': 'Phone',
  'channel.whatsapp': 'WhatsApp',
  'reached': 'Reached?',
  'reached.yes': 'Yes, reached',
  'reached.no': 'Not reached',
  'reason': 'Why not reached',
  'reason.no-answer': 'No answer',
  'reason.wrong-number': 'Wrong number',
  'reason.moved': 'Moved away',
  'reason.refused': 'Refused',
  'reason.other': 'Other',
  'status': 'Status found',
  'status.employed': 'Employed',
  'status.business': 'Own business',
  'status.seeking': 'Still seeking work',

  'employer': 'Employer',
  'jobTitle': 'Job title',
  'sector': 'Sector',
  'employedSince': 'Started work (month)',
  'incomeBand': 'Monthly income',
  'businessName': 'Business name',
  'businessKind': 'Kind of business',
  'businessSince': 'Business started (month)',
  'businessEmployees': 'Number of workers',
  'businessEmployees.hint': 'Besides the owner. Leave empty if not known.',
  'revenueBand': 'Monthly revenue',
  'band.none': 'Not known',
  'band.under-1m': 'Under Rp 1 million',
  'band.1m-3m': 'Rp 1–3 million',
  'band.3m-5m': 'Rp 3–5 million',
  'band.5m-10m': 'Rp 5–10 million',
  'band.over-10m': 'Over Rp 10 million',

  'notes': 'Notes',
  'contactedAt': 'Contact time',
  'nextDate': 'Next follow-up',
  'nextDate.hint': 'Proposed from the 3-, 6- and 12-month schedule after graduation; you may change it.',
  'nextDate.hint.none': 'No proposal: the 3-, 6- and 12-month schedule after graduation gives no date after this contact. Fill it in if needed.',

  'location': 'Location (optional)',
  'location.add': 'Add location',
  'location.locating': 'Finding the location…',
  'location.fix': 'Location recorded, accurate to ± {metres} m.',
  'location.again': 'Take again',
  'location.remove': 'Remove location',
  'location.denied': 'Location permission was refused. Allow it in the browser settings, or save without a location.',
  'location.timeout': 'The location was not found in time. Try again in the open, or save without a location.',
  'location.unavailable': 'No location is available on this device. Save without one.',

  'save': 'Save contact',
  'draft.restored': 'Draft restored: what you typed earlier and did not save.',
  'draft.discard': 'Discard draft',
};

const WORDS: Record<Language, Record<FollowUpWord, string>> = { id, en };

export type FollowUpTranslate = ScreenTranslate<FollowUpWord>;

/** `w(key, { count })` in the chosen language, for this screen's own words. */
export const useFollowUpWords = screenWordsHook(WORDS);
