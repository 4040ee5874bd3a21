import type { MoneyBand } from '../../shared/schema';

/**
 * The answer page's words. The page is served to alumni, in Indonesian only: it is
 * opened from an Indonesian WhatsApp message on whatever phone the person has, with no
 * app, no sign-in and no language setting to read.
 */
export const ANSWER_WORDS = {
  title: 'Kabar alumni pelatihan',
  greeting: 'Halo, {name}!',
  intro: 'Dinas Tenaga Kerja ingin tahu kabar Anda setelah pelatihan. Jawaban Anda membantu kami memperbaiki pelatihan berikutnya. Hanya butuh satu menit.',
  statusLegend: 'Apa kegiatan Anda sekarang?',
  'status.employed': 'Bekerja (ikut orang atau perusahaan)',
  'status.business': 'Punya usaha sendiri',
  'status.seeking': 'Masih mencari kerja',
  'status.undisclosed': 'Tidak ingin menjawab',
  employedLegend: 'Jika bekerja',
  employer: 'Nama tempat kerja',
  jobTitle: 'Jabatan atau pekerjaan',
  sector: 'Bidang usaha tempat kerja (mis. perhotelan, bengkel)',
  incomeBand: 'Penghasilan per bulan',
  'band.none': 'Tidak ingin menjawab',
  businessLegend: 'Jika punya usaha sendiri',
  businessKind: 'Jenis usaha (mis. pangkas rambut, warung)',
  businessStarted: 'Mulai usaha (bulan dan tahun)',
  businessStartedHint: 'Contoh: 2024-06 untuk Juni 2024.',
  notes: 'Pesan untuk kami (tidak wajib)',
  optional: 'Semua rincian tidak wajib.',
  submit: 'Kirim jawaban',
  problems: 'Periksa lagi isian yang ditandai.',
  unreadable: 'Jawaban Anda tidak dapat kami baca. Silakan isi dan kirim sekali lagi.',
  'problem.status': 'Pilih salah satu jawaban.',
  'problem.too-long': 'Isian ini terlalu panjang.',
  'problem.invalid-month': 'Tulis bulan dengan format TTTT-BB, mis. 2024-06.',
  'problem.other': 'Isian ini tidak dapat dibaca.',
  thanksTitle: 'Terima kasih!',
  thanks: 'Jawaban Anda sudah kami terima. Terima kasih telah meluangkan waktu, {name}.',
  thanksClose: 'Halaman ini boleh ditutup.',
  answeredTitle: 'Jawaban sudah diterima',
  answered: 'Tautan ini sudah dipakai untuk menjawab. Terima kasih!',
  goneTitle: 'Tautan tidak berlaku lagi',
  gone: 'Tautan ini sudah kedaluwarsa atau ditarik kembali. Jika ingin memberi kabar, hubungi petugas Disnaker yang mengirimkannya.',
  notFoundTitle: 'Tautan tidak dikenal',
  notFound: 'Tautan ini tidak kami kenal. Periksa apakah alamatnya tersalin lengkap dari pesan WhatsApp.',
  tooLongTitle: 'Jawaban terlalu panjang',
  tooLong: 'Jawaban Anda terlalu panjang untuk dikirim. Kembali ke halaman sebelumnya, persingkat isiannya, lalu kirim lagi.',
  limitedTitle: 'Terlalu banyak percobaan',
  limited: 'Terlalu banyak tautan yang tidak dikenal dari jaringan ini. Coba lagi sekitar {minutes} menit lagi.',
} as const;

export type AnswerWord = keyof typeof ANSWER_WORDS;

export const BAND_WORDS: Record<MoneyBand, string> = {
  'under-1m': 'Di bawah Rp1 juta',
  '1m-3m': 'Rp1–3 juta',
  '3m-5m': 'Rp3–5 juta',
  '5m-10m': 'Rp5–10 juta',
  'over-10m': 'Di atas Rp10 juta',
};

export function answerWord(key: AnswerWord, values: Record<string, string> = {}): string {
  return ANSWER_WORDS[key].replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
