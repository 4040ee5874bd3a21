import { OFFICE_TIME_ZONE } from '../../shared/domain/dates';

const formats = new Map<string, Intl.DateTimeFormat>();
/** Per zone, the offset (ms) found for each UTC hour, or null when the offset changes within that hour. */
const offsets = new Map<string, Map<number, number | null>>();

const HOUR_MS = 3_600_000;
/** Hours remembered per zone: years of contacts; cleared past it so a long-running server never grows. */
const MAX_HOURS = 100_000;

/**
 * An instant as `YYYY-MM-DD HH:mm` on the office's clock, the way a supervisor reads a
 * contact time. An export writes two per row, and Intl's formatToParts costs ~15 µs
 * each, most of a 100,000-row export; so the zone's offset is asked once per UTC hour
 * and the wall clock is arithmetic. An hour whose offset differs at its two ends (a
 * clock change inside it) is formatted by Intl, instant by instant, and stays exact.
 */
export function localDateTime(instant: string, timeZone = OFFICE_TIME_ZONE): string {
  const time = Date.parse(instant);
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

/** The zone's offset from UTC at `time`, in ms, to the minute. */
function offsetAt(time: number, timeZone: string): number {
  const wall = wallClock(time, timeZone);
  return Date.parse(`${wall.replace(' ', 'T')}:00Z`) - Math.floor(time / 60_000) * 60_000;
}

function wallClock(time: number, timeZone: string): string {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(time)).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
