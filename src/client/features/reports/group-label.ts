import type { AbsorptionGroup, ReportDimension } from '../../../shared/api/reports.api';
import { FUNDING_SOURCES } from '../../../shared/schema/cohort.schema';
import type { Language } from '../../i18n';

/**
 * Funding sources as the office writes them. The budget names are proper names (the same
 * in English); only "other" is translated.
 */
const FUNDING_WORDS: Record<Language, Record<string, string>> = {
  id: { 'apbd-murni': 'APBD murni', 'apbd-perubahan': 'APBD perubahan', apbn: 'APBN', other: 'Lainnya' },
  en: { 'apbd-murni': 'APBD murni', 'apbd-perubahan': 'APBD perubahan', apbn: 'APBN', other: 'Other' },
};

/** A provider, cohort or vocation this device has no name for yet (its record is not synced). */
const UNKNOWN: Record<Language, string> = { id: 'Belum tersinkron', en: 'Not synced yet' };

/** A funding source key in words: `apbd-murni` → "APBD murni". */
export function fundingLabel(key: string, lang: Language): string {
  return FUNDING_WORDS[lang][key] ?? key;
}

type Labelled = Pick<AbsorptionGroup, 'keys' | 'names'>;

/** The words for one group's value of one dimension: "APBD murni", "2024", "LPK Barber Nusantara Bontang". */
export function groupValueLabel(group: Labelled, dimension: ReportDimension, lang: Language): string {
  const key = group.keys[dimension] ?? '';
  switch (dimension) {
    case 'year':
      return key;
    case 'funding-source':
      return fundingLabel(key, lang);
    case 'provider':
    case 'cohort':
    case 'vocation':
      return group.names[dimension] ?? UNKNOWN[lang];
  }
}

/** The whole group in words, dimensions joined: "LPK Barber Nusantara Bontang · APBD murni". */
export function groupLabel(group: Labelled, groupBy: readonly ReportDimension[], lang: Language): string {
  return groupBy.map((dimension) => groupValueLabel(group, dimension, lang)).join(' · ');
}

/**
 * Groups in the order a reader expects: funding sources in budget order (murni before
 * perubahan), years ascending, names alphabetically; dimension by dimension.
 */
export function sortGroups<G extends Labelled>(groups: readonly G[], groupBy: readonly ReportDimension[], lang: Language): G[] {
  const collator = new Intl.Collator(lang === 'id' ? 'id-ID' : 'en-GB', { sensitivity: 'base', numeric: true });
  const compareOn = (dimension: ReportDimension, a: G, b: G): number => {
    if (dimension === 'funding-source') return fundingRank(a.keys[dimension]) - fundingRank(b.keys[dimension]);
    return collator.compare(groupValueLabel(a, dimension, lang), groupValueLabel(b, dimension, lang));
  };
  return [...groups].sort((a, b) => {
    for (const dimension of groupBy) {
      const order = compareOn(dimension, a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
}

function fundingRank(key: string | undefined): number {
  const index = FUNDING_SOURCES.indexOf(key as (typeof FUNDING_SOURCES)[number]);
  return index === -1 ? FUNDING_SOURCES.length : index;
}
