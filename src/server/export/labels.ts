import { STATUS_NAME } from '../../shared/domain/glossary';
import type { StatusAsOf } from '../../shared/domain/status-as-of';
import type { EducationLevel, Gender } from '../../shared/schema/alumnus.schema';
import type { FundingSource } from '../../shared/schema/cohort.schema';
import type { Channel, MoneyBand, UnreachedReason } from '../../shared/schema/follow-up.schema';

/**
 * The words exports write for coded values, in Indonesian: the files go to the head of
 * office as they are. The app's own dictionaries live in the client bundle, which the
 * server does not import.
 */
export const STATUS_LABEL: Record<StatusAsOf, string> = STATUS_NAME;

export const FUNDING_LABEL: Record<FundingSource, string> = {
  'apbd-murni': 'APBD murni',
  'apbd-perubahan': 'APBD perubahan',
  apbn: 'APBN',
  other: 'Lainnya',
};

export const CHANNEL_LABEL: Record<Channel, string> = { visit: 'Kunjungan', phone: 'Telepon', whatsapp: 'WhatsApp', 'self-report': 'Diisi sendiri' };

export const UNREACHED_LABEL: Record<UnreachedReason, string> = {
  'no-answer': 'Tidak menjawab',
  'wrong-number': 'Nomor salah',
  moved: 'Pindah',
  refused: 'Menolak',
  other: 'Lainnya',
};

export const MONEY_LABEL: Record<MoneyBand, string> = {
  'under-1m': '< Rp1 juta',
  '1m-3m': 'Rp1–3 juta',
  '3m-5m': 'Rp3–5 juta',
  '5m-10m': 'Rp5–10 juta',
  'over-10m': '> Rp10 juta',
};

export const GENDER_LABEL: Record<Gender, string> = { male: 'Laki-laki', female: 'Perempuan' };

export const EDUCATION_LABEL: Record<EducationLevel, string> = {
  none: 'Tidak sekolah', sd: 'SD', smp: 'SMP', sma: 'SMA', smk: 'SMK', d1: 'D1', d2: 'D2', d3: 'D3', d4: 'D4', s1: 'S1', s2: 'S2', s3: 'S3',
};

/** A coded value's label, or the value itself when it is unknown (an older or newer code). */
export function labelOf<K extends string>(labels: Record<K, string>, value: string | null): string | null {
  if (value === null) return null;
  return (labels as Record<string, string | undefined>)[value] ?? value;
}
