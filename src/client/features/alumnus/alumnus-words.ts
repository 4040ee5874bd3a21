import type { Language, TranslateParams } from '../../i18n';
import { useLanguage } from '../../i18n';

/**
 * The alumnus page's own words, in both languages. They live with the screen, not in
 * src/client/i18n: those dictionaries are in the first download (held to a gzip budget,
 * see vite.config.ts), while this file travels in the screen's lazy chunk. Indonesian
 * is the source: its keys define the English dictionary, so a missing word is a type error.
 */
const id = {
  'notFound.title': 'Alumni tidak ditemukan',
  'notFound.body': 'Tidak ada alumni dengan pengenal ini di perangkat Anda. Mungkin data belum tersinkron, atau alumni ini bukan bagian lembaga Anda.',
  'notFound.back': 'Ke daftar alumni',

  'identity.title': 'Identitas',
  'identity.nik': 'NIK',
  'identity.gender': 'Jenis kelamin',
  'identity.birthDate': 'Tanggal lahir',
  'identity.education': 'Pendidikan',
  'identity.kelurahan': 'Kelurahan',
  'identity.kecamatan': 'Kecamatan',
  'gender.male': 'Laki-laki',
  'gender.female': 'Perempuan',
  'education.none': 'Tidak sekolah',

  'contact.title': 'Kontak',
  'contact.phone': 'Telepon',
  'contact.whatsapp': 'WhatsApp',
  'contact.address': 'Alamat',
  'contact.call': 'Telepon {name}',
  'contact.chat': 'WhatsApp {name}',
  'contact.edit': 'Ubah kontak',
  'contact.formLabel': 'Ubah kontak {name}',
  'contact.phoneHint': 'Misalnya 0812-3456-7890. Kosongkan bila tidak ada.',
  'contact.save': 'Simpan kontak',
  'contact.saved': 'Kontak disimpan di perangkat ini dan dikirim ke server saat sinkron.',
  'contact.unchanged': 'Tidak ada yang berubah.',
  'empty': '—',

  'enrollments.title': 'Pelatihan',
  'enrollments.none': 'Belum ada data pelatihan di perangkat ini.',
  'enrollment.provider': 'Lembaga',
  'enrollment.vocation': 'Kejuruan',
  'enrollment.period': 'Pelaksanaan',
  'enrollment.period.value': '{start} – {end}',
  'enrollment.outcome': 'Hasil',
  'enrollment.graduationDate': 'Tanggal lulus',
  'enrollment.certification': 'Sertifikasi',
  'enrollment.certificationScheduled': 'Jadwal uji',
  'enrollment.certificationIssued': 'Sertifikat terbit',
  'enrollment.certificateNumber': 'Nomor sertifikat',
  'outcome.enrolled': 'Masih mengikuti',
  'outcome.graduated': 'Lulus',
  'outcome.not-graduated': 'Tidak lulus',
  'outcome.dropped-out': 'Mengundurkan diri',
  'certification.none': 'Belum dijadwalkan',
  'certification.scheduled': 'Dijadwalkan',
  'certification.competent': 'Kompeten',
  'certification.not-yet-competent': 'Belum kompeten',
  'cohort.unknown': 'Angkatan belum tersinkron',

  'followUps.title': 'Riwayat tindak lanjut',
  'followUps.none': 'Belum ada tindak lanjut.',
  'followUp.by': 'oleh {name}',
  'channel.visit': 'Kunjungan',
  'channel.phone': 'Telepon',
  'channel.whatsapp': 'WhatsApp',
  'status.employed': 'Bekerja',
  'status.business': 'Berwirausaha',
  'status.seeking': 'Mencari kerja',
  'unreached': 'Tidak terhubung: {reason}',
  'unreached.no-answer': 'tidak menjawab',
  'unreached.wrong-number': 'nomor salah',
  'unreached.moved': 'pindah',
  'unreached.refused': 'menolak',
  'unreached.other': 'alasan lain',
  'followUp.employer': 'Tempat kerja',
  'followUp.jobTitle': 'Jabatan',
  'followUp.sector': 'Bidang',
  'followUp.businessName': 'Nama usaha',
  'followUp.businessKind': 'Jenis usaha',
  'followUp.businessEmployees': 'Pekerja',
  'followUp.statusStartDate': 'Sejak',
  'followUp.notes': 'Catatan',
  'followUp.next': 'Tindak lanjut berikutnya',
  'followUp.voided': 'Dibatalkan {date} oleh {name}. Alasan: {reason}',
  'followUp.log': 'Catat kontak',
  'followUp.void': 'Batalkan',
  'void.formLabel': 'Batalkan kontak {date}',
  'void.reason': 'Alasan pembatalan',
  'void.confirm': 'Batalkan kontak ini',
  'void.keep': 'Tidak jadi',
  'someone': 'pengguna lain',
};

export type AlumnusWord = keyof typeof id;

const en: Record<AlumnusWord, string> = {
  'notFound.title': 'Alumnus not found',
  'notFound.body': 'There is no alumnus with this id on your device. The data may not have synced yet, or this alumnus is not one of your provider’s.',
  'notFound.back': 'To the alumni list',

  'identity.title': 'Identity',
  'identity.nik': 'NIK',
  'identity.gender': 'Gender',
  'identity.birthDate': 'Birth date',
  'identity.education': 'Education',
  'identity.kelurahan': 'Kelurahan',
  'identity.kecamatan': 'Kecamatan',
  'gender.male': 'Male',
  'gender.female': 'Female',
  'education.none': 'No schooling',

  'contact.title': 'Contact',
  'contact.phone': 'Phone',
  'contact.whatsapp': 'WhatsApp',
  'contact.address': 'Address',
  'contact.call': 'Call {name}',
  'contact.chat': 'WhatsApp {name}',
  'contact.edit': 'Edit contact',
  'contact.formLabel': 'Edit the contact of {name}',
  'contact.phoneHint': 'For example 0812-3456-7890. Leave empty if there is none.',
  'contact.save': 'Save contact',
  'contact.saved': 'Contact saved on this device; it is sent to the server on the next sync.',
  'contact.unchanged': 'Nothing changed.',
  'empty': '—',

  'enrollments.title': 'Training',
  'enrollments.none': 'No training on this device yet.',
  'enrollment.provider': 'Provider',
  'enrollment.vocation': 'Vocation',
  'enrollment.period': 'Held',
  'enrollment.period.value': '{start} – {end}',
  'enrollment.outcome': 'Outcome',
  'enrollment.graduationDate': 'Graduated',
  'enrollment.certification': 'Certification',
  'enrollment.certificationScheduled': 'Assessment date',
  'enrollment.certificationIssued': 'Certificate issued',
  'enrollment.certificateNumber': 'Certificate number',
  'outcome.enrolled': 'Still enrolled',
  'outcome.graduated': 'Graduated',
  'outcome.not-graduated': 'Did not graduate',
  'outcome.dropped-out': 'Dropped out',
  'certification.none': 'Not scheduled',
  'certification.scheduled': 'Scheduled',
  'certification.competent': 'Competent',
  'certification.not-yet-competent': 'Not yet competent',
  'cohort.unknown': 'Cohort not synced yet',

  'followUps.title': 'Follow-up history',
  'followUps.none': 'No follow-ups yet.',
  'followUp.by': 'by {name}',
  'channel.visit': 'Visit',
  'channel.phone': 'Phone',
  'channel.whatsapp': 'WhatsApp',
  'status.employed': 'Employed',
  'status.business': 'Own business',
  'status.seeking': 'Seeking work',
  'unreached': 'Not reached: {reason}',
  'unreached.no-answer': 'no answer',
  'unreached.wrong-number': 'wrong number',
  'unreached.moved': 'moved away',
  'unreached.refused': 'refused',
  'unreached.other': 'other reason',
  'followUp.employer': 'Employer',
  'followUp.jobTitle': 'Job title',
  'followUp.sector': 'Sector',
  'followUp.businessName': 'Business',
  'followUp.businessKind': 'Kind of business',
  'followUp.businessEmployees': 'Workers',
  'followUp.statusStartDate': 'Since',
  'followUp.notes': 'Notes',
  'followUp.next': 'Next follow-up',
  'followUp.voided': 'Voided {date} by {name}. Reason: {reason}',
  'followUp.log': 'Log contact',
  'followUp.void': 'Void',
  'void.formLabel': 'Void the contact of {date}',
  'void.reason': 'Reason for voiding',
  'void.confirm': 'Void this contact',
  'void.keep': 'Keep it',
  'someone': 'another user',
};

const WORDS: Record<Language, Record<AlumnusWord, string>> = { id, en };

export type AlumnusTranslate = (key: AlumnusWord, params?: TranslateParams) => string;

/** `w(key, { name })` in the chosen language, for this screen's own words. */
export function useAlumnusWords(): AlumnusTranslate {
  const [language] = useLanguage();
  const words = WORDS[language];
  return (key, params) => fill(words[key], params);
}

/**
 * `{name}` placeholders, as the app's translator fills them. Not imported from
 * i18n/translate.ts: reaching into that module from a lazy chunk makes the bundler split
 * the first download into more pieces, which costs more than these lines.
 */
function fill(template: string, params?: TranslateParams): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : placeholder));
}
