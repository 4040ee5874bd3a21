import type { AbsorptionFigures, SelfReportCoverage } from '../api/reports.api';
import type { StatusAsOf } from './status-as-of';

/**
 * The one Indonesian name of each figure and status, shared by the dashboard, the cohort
 * and worklist screens and every export, so that the head of office reads the same word
 * on the screen and in the spreadsheet ("Berwirausaha" everywhere, never "Wirausaha" in
 * one place). Sentences (the press summary) may inflect them; tables and labels may not.
 */
export const FIGURE_NAME: Record<keyof AbsorptionFigures, string> = {
  trained: 'Dilatih',
  graduated: 'Lulus',
  certified: 'Bersertifikat',
  employed: 'Bekerja',
  business: 'Berwirausaha',
  seeking: 'Mencari kerja',
  unreachable: 'Tidak terhubung',
  neverContacted: 'Belum pernah dihubungi',
  reached: 'Berhasil dihubungi',
  absorptionRate: 'Tingkat penyerapan',
};

/** The report's self-report figures (`selfReportCoverage`), named alike on the dashboard and in the export. */
export const SELF_REPORT_FIGURE_NAME: Record<keyof SelfReportCoverage, string> = {
  statuses: 'Status diisi sendiri',
  linksSent: 'Tautan isi sendiri terkirim',
  linksAnswered: 'Tautan isi sendiri dijawab',
};

/** A person's status on a day, named as the figure that counts it. */
export const STATUS_NAME: Record<StatusAsOf, string> = {
  employed: FIGURE_NAME.employed,
  business: FIGURE_NAME.business,
  seeking: FIGURE_NAME.seeking,
  unreachable: FIGURE_NAME.unreachable,
  'never-contacted': FIGURE_NAME.neverContacted,
};
