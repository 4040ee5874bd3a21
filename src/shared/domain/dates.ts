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
  return localDateTime(instant, timeZone).slice(0, 10);
}

/**
 * An instant as `YYYY-MM-DD HH:mm` on a zone's clock (default the office's), the way a
 * supervisor reads a contact time. Reports, status steps and exports ask this once per
 * contact, and Intl costs ~15 µs a call, most of their time; so the zone's offset is
 * asked once per UTC hour and the wall clock is arithmetic. An hour whose offset differs
 * at its two ends (a clock change inside it) is formatted by Intl, instant by instant,
 * and stays exact.
 */
export function localDateTime(instant: Date | string, timeZone = OFFICE_TIME_ZONE): string {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  // Outside years 0–9999 the ISO text below changes shape: Intl answers (or throws, for an invalid date).
  if (!(time >= MIN_PLAIN_TIME && time <= MAX_PLAIN_TIME)) return wallClock(time, timeZone);
  const hour = Math.floor(time / HOUR_MS);
  let byHour = offsets.get(timeZone);
  if (byHour === undefined || byHour.size > MAX_HOURS) offsets.set(timeZone, (byHour = new Map<number, number | null>()));
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const atStart = offsetAt(hour * HOUR_MS, timeZone);
    offset = atStart === offsetAt((hour + 1) * HOUR_MS - 1, timeZone) ? atStart : null;
    byHour.set(hour, offset);
  }
  if (offset === null) return wallClock(time, timeZone);
  // The wall clock read off a UTC date shifted by the offset: `YYYY-MM-DDTHH:mm…`.
  const shifted = new Date(time + offset).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

const HOUR_MS = 3_600_000;
/** Hours remembered per zone: years of contacts; cleared past it so a long-running server never grows. */
const MAX_HOURS = 100_000;
/** Instants whose wall clock ISO text writes with four-digit years, whatever the offset. */
const MIN_PLAIN_TIME = Date.UTC(1000, 0, 2);
const MAX_PLAIN_TIME = Date.UTC(9999, 11, 30);
/** Per zone, the offset (ms) found for each UTC hour, or null when the offset changes within that hour. */
const offsets = new Map<string, Map<number, number | null>>();
const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at `time`, in ms, to the minute. */
function offsetAt(time: number, timeZone: string): number {
  const wall = wallClock(time, timeZone);
  return Date.parse(`${wall.replace(' ', 'T')}:00Z`) - Math.floor(time / 60_000) * 60_000;
}

function wallClock(time: number, timeZone: string): string {
  let format = wallFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    wallFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(time)).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

/** The office's time zone; dates shown and "as of" cut-offs are days in this zone. */
export const OFFICE_TIME_ZONE = 'Asia/Makassar';
