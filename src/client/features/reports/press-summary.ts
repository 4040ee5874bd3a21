import type { AbsorptionFigures, AbsorptionGroup, AbsorptionReport, ReportDimension } from '../../../shared/api/reports.api';
import { groupValueLabel, sortGroups } from './group-label';
import { formatCount, formatLongDate, formatPercent } from './report-format';

export type PressSummaryInput = {
  report: AbsorptionReport;
  /** The budget years of the cohorts counted (any order); empty when unknown. */
  years: readonly number[];
  /** Who trains, as the press release names it. */
  office?: string;
};

/** Up to this many groups are named one by one; more read as a list, not a sentence. */
const MAX_LISTED = 4;

const n = (value: number) => formatCount(value, 'id');
const pct = (share: number | null) => formatPercent(share, 'id');

/**
 * The report as one paragraph in the office's press style, always in Indonesian (it is
 * what the office publishes): "Sepanjang 2024, Disnaker melatih 1.370 orang: 748 dari
 * APBD murni dan 622 dari APBD perubahan. Per 31 Agustus 2024, dari lulusan APBD murni
 * 53 orang telah bekerja dan 36 orang membuka usaha…". Groups are named only for a
 * single dimension. Coverage (graduates reached at all) is always said, so a low
 * absorption rate is never read as "nobody followed them up". Pure: same input, same text.
 */
export function pressSummary({ report, years, office = 'Disnaker' }: PressSummaryInput): string {
  const { total } = report;
  const dimension = report.groupBy.length === 1 ? report.groupBy[0] : undefined;
  const groups = dimension === undefined ? [] : sortGroups(report.groups.filter((group) => group.trained > 0), [dimension], 'id');
  const opening = openingOf(report.asOf, years, office);
  const sentences = [`${opening.lead} ${n(total.trained)} orang${opening.tail}${breakdown(dimension, groups, years)}.`];
  if (dimension !== undefined && groups.length > 1 && groups.length <= MAX_LISTED && sum(groups, 'trained') > total.trained) {
    sentences.push('Sebagian peserta mengikuti lebih dari satu pelatihan, sehingga jumlah per kelompok melebihi jumlah orang.');
  }
  const when = opening.datedAlready ? 'Per tanggal tersebut' : `Per ${formatLongDate(report.asOf, 'id')}`;
  if (total.graduated === 0) {
    sentences.push(`${when}, belum ada peserta yang lulus.`);
    return sentences.join(' ');
  }
  sentences.push(...outcomes(when, dimension, groups, total));
  sentences.push(coverage(total));
  if (total.certified > 0) sentences.push(`Sebanyak ${n(total.certified)} orang telah menerima sertifikat kompetensi.`);
  return sentences.join(' ');
}

type Opening = { lead: string; tail: string; datedAlready: boolean };

/** "Sepanjang 2024" for a finished year; "Hingga 31 Agustus 2024" when the as-of day is inside it. */
function openingOf(asOf: string, years: readonly number[], office: string): Opening {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  const until = `Hingga ${formatLongDate(asOf, 'id')}, ${office} telah melatih`;
  if (first === undefined || last === undefined) return { lead: until, tail: '', datedAlready: true };
  const span = first === last ? String(first) : `${first}–${last}`;
  if (asOf >= `${last}-12-31`) return { lead: `Sepanjang ${span}, ${office} melatih`, tail: '', datedAlready: false };
  return { lead: until, tail: ` dalam tahun anggaran ${span}`, datedAlready: true };
}

function breakdown(dimension: ReportDimension | undefined, groups: readonly AbsorptionGroup[], years: readonly number[]): string {
  if (dimension === undefined || groups.length === 0) return '';
  if (groups.length > MAX_LISTED) return ` ${countOf(dimension, groups.length)}`;
  if (groups.length === 1) {
    const [only] = groups as [AbsorptionGroup];
    // "…dalam tahun anggaran 2024, seluruhnya pada tahun anggaran 2024" says nothing new.
    return dimension === 'year' && years.length === 1 ? '' : `, seluruhnya ${placeOf(dimension, only)}`;
  }
  return `: ${listOf(groups.map((group) => `${n(group.trained)} ${placeOf(dimension, group)}`))}`;
}

function outcomes(when: string, dimension: ReportDimension | undefined, groups: readonly AbsorptionGroup[], total: AbsorptionFigures): string[] {
  const overall = `dari ${n(total.graduated)} lulusan, ${n(total.employed)} orang telah bekerja dan ${n(total.business)} orang membuka usaha, sehingga tingkat penyerapan mencapai ${pct(total.absorptionRate)}`;
  // One year is the period already said ("lulusan tahun anggaran 2024 117 orang" reads badly).
  if (dimension === undefined || groups.length === 0 || (groups.length === 1 && dimension === 'year')) return [`${when}, ${overall}.`];
  if (groups.length === 1) {
    // Everyone is in the one group: its name says more than "the graduates".
    const [only] = groups as [AbsorptionGroup];
    return [
      `${when}, dari ${graduatesOf(dimension, only)} ${n(only.employed)} orang telah bekerja dan ${n(only.business)} orang membuka usaha, sehingga tingkat penyerapan mencapai ${pct(total.absorptionRate)} dari ${n(total.graduated)} lulusan.`,
    ];
  }
  if (groups.length > MAX_LISTED) {
    const best = highestRate(groups);
    const highlight = best === undefined ? [] : [`Penyerapan tertinggi tercatat pada ${graduatesOf(dimension, best)} (${pct(best.absorptionRate)}).`];
    return [`${when}, ${overall}.`, ...highlight];
  }
  const clauses = groups.map((group) =>
    group.graduated === 0
      ? `${graduatesOf(dimension, group)} belum ada`
      : `dari ${graduatesOf(dimension, group)} ${n(group.employed)} orang telah bekerja dan ${n(group.business)} orang membuka usaha (penyerapan ${pct(group.absorptionRate)})`,
  );
  return [
    `${when}, ${clauses.join('; ')}.`,
    `Secara keseluruhan, tingkat penyerapan mencapai ${pct(total.absorptionRate)} dari ${n(total.graduated)} lulusan.`,
  ];
}

function coverage(total: AbsorptionFigures): string {
  const reached = `Petugas telah berhasil menghubungi ${n(total.reached)} dari ${n(total.graduated)} lulusan (${pct(total.reached / total.graduated)}), ${n(total.seeking)} orang di antaranya masih mencari kerja`;
  const missing = [
    total.unreachable > 0 ? `${n(total.unreachable)} orang belum berhasil dihubungi` : '',
    total.neverContacted > 0 ? `${n(total.neverContacted)} orang belum pernah dihubungi` : '',
  ].filter((part) => part !== '');
  return missing.length === 0 ? `${reached}.` : `${reached}; ${listOf(missing)}.`;
}

/** "748 dari APBD murni", "20 di LPK Barber Nusantara Bontang"… */
function placeOf(dimension: ReportDimension, group: AbsorptionGroup): string {
  const label = groupValueLabel(group, dimension, 'id');
  const places: Record<ReportDimension, string> = {
    'funding-source': `dari ${label}`,
    year: `pada tahun anggaran ${label}`,
    provider: `di ${label}`,
    vocation: `pada kejuruan ${label}`,
    cohort: `pada ${label}`,
  };
  return places[dimension];
}

/** "lulusan APBD murni", "lulusan kejuruan Barbershop"… */
function graduatesOf(dimension: ReportDimension, group: AbsorptionGroup): string {
  const label = groupValueLabel(group, dimension, 'id');
  if (dimension === 'year') return `lulusan tahun anggaran ${label}`;
  if (dimension === 'vocation') return `lulusan kejuruan ${label}`;
  return `lulusan ${label}`;
}

function countOf(dimension: ReportDimension, count: number): string {
  const counts: Record<ReportDimension, string> = {
    'funding-source': `dari ${n(count)} sumber dana`,
    year: `selama ${n(count)} tahun anggaran`,
    provider: `di ${n(count)} lembaga pelatihan`,
    vocation: `pada ${n(count)} kejuruan`,
    cohort: `dalam ${n(count)} angkatan`,
  };
  return counts[dimension];
}

function highestRate(groups: readonly AbsorptionGroup[]): AbsorptionGroup | undefined {
  let best: AbsorptionGroup | undefined;
  for (const group of groups) {
    if (group.absorptionRate === null) continue;
    if (best === undefined || group.absorptionRate > (best.absorptionRate ?? -1)) best = group;
  }
  return best;
}

/** "a dan b", "a, b, dan c" (PUEBI puts a comma before the last "dan" of three or more). */
function listOf(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' dan ');
  return `${items.slice(0, -1).join(', ')}, dan ${items.at(-1) ?? ''}`;
}

function sum(groups: readonly AbsorptionFigures[], figure: keyof Omit<AbsorptionFigures, 'absorptionRate'>): number {
  return groups.reduce((total, group) => total + group[figure], 0);
}
