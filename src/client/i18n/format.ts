import type { Language } from './dictionary';

/** The office's time zone (WITA, UTC+8): dates of contacts are read as the office reads them. */
export const OFFICE_TIME_ZONE = 'Asia/Makassar';

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

// Intl formatters are costly to build and lists format hundreds of dates: keep one per key.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[lang], options);
    cache.set(key, found);
  }
  return found;
}

/**
 * A calendar date `YYYY-MM-DD` (a birth date, a graduation date) in words: "31 Agu 2024".
 * It names a day, not an instant, so it is formatted in UTC and never shifts a day.
 * Anything that is not such a date is returned unchanged.
 */
export function formatDate(isoDate: string, lang: Language): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return formatter(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * An instant (ISO date-time such as a contact's `contactedAt`) as the office's wall
 * clock shows it, with the zone named: "31 Agu 2024, 17.00 WITA".
 */
export function formatDateTime(instant: string, lang: Language, timeZone: string = OFFICE_TIME_ZONE): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return formatter(lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  }).format(date);
}
