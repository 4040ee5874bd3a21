import { FIGURE_NAME } from '../../../shared/domain/glossary';
import type { Language } from '../../i18n';
import { screenWordsHook, type ScreenTranslate } from '../../ui/screen-words';

/**
 * The supervisor's dashboard words, in both languages, carried in the screen's lazy chunk
 * (see worklist-words.ts for why). The press summary is Indonesian in both languages: it
 * is what the office publishes (see press-summary.ts).
 */
const id = {
  'asOf': 'Per tanggal',
  'asOf.hint': 'Status tiap alumni dihitung dari kontak terakhir sampai tanggal ini.',
  'asOf.invalid': 'Isi tanggal yang benar, misalnya 31/08/2024.',
  'groupBy': 'Kelompokkan menurut',
  'groupBy.then': 'Lalu menurut (opsional)',
  'groupBy.none': 'Tidak ada',
  'dimension.year': 'Tahun anggaran',
  'dimension.funding-source': 'Sumber dana',
  'dimension.provider': 'Lembaga pelatihan',
  'dimension.cohort': 'Angkatan',
  'dimension.vocation': 'Kejuruan',
  'funding.other': 'Lainnya',
  'group.unknown': 'Belum tersinkron',

  'loading': 'Menghitung angka…',
  'retry': 'Coba lagi ke server',
  'source.local': 'Server tidak terjangkau — angka dihitung dari data di perangkat ini, sinkron terakhir {time}.',
  'source.local.never': 'Server tidak terjangkau — angka dihitung dari data di perangkat ini, yang belum pernah sinkron.',
  'problem': 'Laporan tidak dapat dimuat: {reason}.',
  'problem.local': 'Data di perangkat ini tidak dapat dibaca.',

  'headline.title': 'Angka utama per {date}',
  'figure.trained': FIGURE_NAME.trained,
  'figure.graduated': FIGURE_NAME.graduated,
  'figure.certified': FIGURE_NAME.certified,
  'figure.employed': FIGURE_NAME.employed,
  'figure.business': FIGURE_NAME.business,
  'figure.seeking': FIGURE_NAME.seeking,
  'figure.unreachable': FIGURE_NAME.unreachable,
  'figure.neverContacted': FIGURE_NAME.neverContacted,
  'figure.reached': FIGURE_NAME.reached,
  'figure.absorptionRate': FIGURE_NAME.absorptionRate,
  'figure.ofGraduates': '{percent} dari lulusan',
  'figure.rateHint': 'bekerja + berwirausaha dibagi lulusan',
  'figure.none': '—',

  'chart.title': 'Hasil lulusan per {dimension}',
  'chart.desc': 'Batang bertumpuk per kelompok: {parts}. Panjang batang = jumlah lulusan. Angka lengkap ada di tabel di bawahnya.',
  'chart.more': 'Grafik menampilkan {shown} kelompok dengan lulusan terbanyak dari {count}; tabel memuat semuanya.',
  'chart.empty': 'Belum ada lulusan pada tanggal ini.',

  'table.title': 'Tabel per {dimension}',
  'table.caption': 'Angka per {dimension}, per {date}',
  'table.total': 'Seluruhnya',
  'table.totalNote': 'Seluruhnya menghitung tiap orang sekali, meski ikut lebih dari satu pelatihan.',
  'table.region': 'Tabel angka (dapat digeser)',

  'summary.title': 'Ringkasan untuk siaran pers',
  'summary.copy': 'Salin ringkasan',
  'summary.copied': 'Ringkasan disalin.',
  'summary.selected': 'Teks sudah dipilih: tekan Ctrl+C untuk menyalin.',

  'export.title': 'Ekspor data',
  'export.intro': 'Berkas dibuat server dari data yang sudah tersinkron, per {date}.',
  'export.offline': 'Ekspor membutuhkan server, yang sedang tidak terjangkau. Coba lagi saat tersambung.',
  'export.table.alumni': 'Alumni',
  'export.table.follow-ups': 'Tindak lanjut',
  'export.table.cohorts': 'Angkatan',
  'export.table.absorption': 'Penyerapan',
  'export.download': 'Unduh {table} {format}',
  'export.semicolon': 'Pemisah titik koma (;) untuk Excel Indonesia',
  'export.semicolon.hint': 'Hanya untuk CSV.',
  'export.filters': 'Saringan (opsional)',
  'export.provider': 'Lembaga pelatihan',
  'export.fundingSource': 'Sumber dana',
  'export.year': 'Tahun anggaran',
  'export.all': 'Semua',
  'export.progress': 'Mengunduh {file}',
  'export.received': '{size} diterima',
  'export.receivedOf': '{size} dari {total} diterima',
  'export.cancel': 'Batalkan unduhan',
  'export.cancelled': 'Unduhan {file} dibatalkan.',
  'export.done': '{file} tersimpan ({size}).',
  'export.forbidden': 'Hanya supervisor dan admin yang boleh mengekspor data.',
  'export.unreachable': 'Server tidak terjangkau; ekspor membutuhkan koneksi. Coba lagi saat tersambung.',
  'export.session': 'Sesi telah berakhir; silakan masuk lagi, lalu unduh kembali.',
  'export.invalid': 'Server menolak saringan ekspor ini ({code}).',
  'export.failed': 'Ekspor gagal di server. Coba lagi sebentar lagi.',
};

export type ReportsWord = keyof typeof id;

const en: Record<ReportsWord, string> = {
  'asOf': 'As of',
  'asOf.hint': 'Each alumnus’s status comes from their last contact up to this day.',
  'asOf.invalid': 'Enter a valid date, for example 31/08/2024.',
  'groupBy': 'Group by',
  'groupBy.then': 'Then by (optional)',
  'groupBy.none': 'None',
  'dimension.year': 'Budget year',
  'dimension.funding-source': 'Funding source',
  'dimension.provider': 'Training provider',
  'dimension.cohort': 'Cohort',
  'dimension.vocation': 'Vocation',
  'funding.other': 'Other',
  'group.unknown': 'Not synced yet',

  'loading': 'Counting…',
  'retry': 'Try the server again',
  'source.local': 'Server unreachable — figures computed from the data on this device, last synced {time}.',
  'source.local.never': 'Server unreachable — figures computed from the data on this device, which has never synced.',
  'problem': 'The report could not be loaded: {reason}.',
  'problem.local': 'The data on this device could not be read.',

  'headline.title': 'Headline figures as of {date}',
  'figure.trained': 'Trained',
  'figure.graduated': 'Graduated',
  'figure.certified': 'Certified',
  'figure.employed': 'Employed',
  'figure.business': 'Own business',
  'figure.seeking': 'Seeking work',
  'figure.unreachable': 'Not reached',
  'figure.neverContacted': 'Never contacted',
  'figure.reached': 'Reached',
  'figure.absorptionRate': 'Absorption rate',
  'figure.ofGraduates': '{percent} of graduates',
  'figure.rateHint': 'employed + own business over graduates',
  'figure.none': '—',

  'chart.title': 'Graduate outcomes by {dimension}',
  'chart.desc': 'Stacked bars per group: {parts}. Bar length = number of graduates. The table below has every figure.',
  'chart.more': 'The chart shows the {shown} groups with most graduates out of {count}; the table has them all.',
  'chart.empty': 'No graduates yet on this date.',

  'table.title': 'Table by {dimension}',
  'table.caption': 'Figures by {dimension}, as of {date}',
  'table.total': 'Everyone',
  'table.totalNote': 'Everyone counts each person once, even when trained more than once.',
  'table.region': 'Figures table (scrollable)',

  'summary.title': 'Press summary (in Indonesian)',
  'summary.copy': 'Copy summary',
  'summary.copied': 'Summary copied.',
  'summary.selected': 'The text is selected: press Ctrl+C to copy it.',

  'export.title': 'Export data',
  'export.intro': 'The server makes the files from synced data, as of {date}.',
  'export.offline': 'Exports need the server, which is unreachable now. Try again when connected.',
  'export.table.alumni': 'Alumni',
  'export.table.follow-ups': 'Follow-ups',
  'export.table.cohorts': 'Cohorts',
  'export.table.absorption': 'Absorption',
  'export.download': 'Download {table} {format}',
  'export.semicolon': 'Semicolon (;) separator for Indonesian Excel',
  'export.semicolon.hint': 'CSV only.',
  'export.filters': 'Filters (optional)',
  'export.provider': 'Training provider',
  'export.fundingSource': 'Funding source',
  'export.year': 'Budget year',
  'export.all': 'All',
  'export.progress': 'Downloading {file}',
  'export.received': '{size} received',
  'export.receivedOf': '{size} of {total} received',
  'export.cancel': 'Cancel download',
  'export.cancelled': 'Download of {file} cancelled.',
  'export.done': '{file} saved ({size}).',
  'export.forbidden': 'Only supervisors and admins may export data.',
  'export.unreachable': 'Server unreachable; exports need a connection. Try again when connected.',
  'export.session': 'Your session has ended; sign in again, then download again.',
  'export.invalid': 'The server refused these export filters ({code}).',
  'export.failed': 'The export failed on the server. Try again shortly.',
};

const WORDS: Record<Language, Record<ReportsWord, string>> = { id, en };

export type ReportsTranslate = ScreenTranslate<ReportsWord>;

/** `w(key, { date })` in the chosen language, for the dashboard's own words. */
export const useReportsWords = screenWordsHook(WORDS);
