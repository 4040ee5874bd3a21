import { OFFICE_TIME_ZONE } from '../../shared/domain/dates';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as `YYYY-MM-DD HH:mm` on the office's clock, the way a supervisor reads a
 * contact time; one formatter per zone, as building one costs far more than using it.
 */
export function localDateTime(instant: string, timeZone = OFFICE_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
