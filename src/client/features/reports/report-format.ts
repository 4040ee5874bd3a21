import type { Language } from '../../i18n';

/**
 * Numbers, percentages and long dates as each language writes them: "1.370", "11,9%",
 * "31 Agustus 2024" in Indonesian; "1,370", "11.9%", "31 August 2024" in English.
 * Formatters are built once per language: tables format hundreds of cells.
 */
const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

const integers = new Map<Language, Intl.NumberFormat>();
const percents = new Map<Language, Intl.NumberFormat>();
const longDates = new Map<Language, Intl.DateTimeFormat>();

function cached<T>(cache: Map<Language, T>, lang: Language, make: () => T): T {
  let found = cache.get(lang);
  if (found === undefined) {
    found = make();
    cache.set(lang, found);
  }
  return found;
}

export function formatCount(value: number, lang: Language): string {
  return cached(integers, lang, () => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 0 })).format(value);
}

/** A share (0…1) as a percentage with one decimal; null (nobody to divide by) as "—". */
export function formatPercent(share: number | null, lang: Language): string {
  if (share === null) return '—';
  return cached(percents, lang, () => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(share);
}

/** A calendar day `YYYY-MM-DD` with the month in full; a day, so formatted in UTC and never shifted. */
export function formatLongDate(isoDate: string, lang: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return cached(longDates, lang, () => new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(date);
}

/** Bytes as people read a download's size: "812 B", "1,2 MB". */
export function formatBytes(bytes: number, lang: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
