/**
 * Calendar dates are strings `YYYY-MM-DD` (no time zone: a graduation happens on a day,
 * not at an instant). Arithmetic goes through UTC so no local offset can shift a day.
 */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes that
 * month's last day (31 Aug + 6 months = 28/29 Feb), as people count "six months later".
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The calendar date of an instant in a time zone (default the office's, Asia/Makassar). */
export function dateInZone(instant: Date | string, timeZone = OFFICE_TIME_ZONE): IsoDate {
  return dayFormatFor(timeZone).format(new Date(instant));
}

// Building an Intl.DateTimeFormat costs far more than using one, and reports call
// dateInZone once per follow-up, so one formatter per zone is kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormatFor(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The office's time zone; dates shown and "as of" cut-offs are days in this zone. */
export const OFFICE_TIME_ZONE = 'Asia/Makassar';
