import { isCalendarDate, type IsoDate } from '../domain/dates';

/** Why a birth-date cell could not be read: not a date at all, or a day that does not exist. */
export type DateProblem = 'date-unreadable' | 'invalid-date';
export type DateReading = { ok: true; date: IsoDate } | { ok: false; problem: DateProblem };

/** Excel's day 0 is 30 December 1899 (its 1900 leap-year bug is before any birth date we take). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serials from 1 January 1900 to 31 December 2199: beyond them a number is not a date. */
const SERIAL_RANGE = [1, 109_572] as const;

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, mar: 3, maret: 3, march: 3, apr: 4, april: 4,
  mei: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, agu: 8, agt: 8, ags: 8, agustus: 8, aug: 8, august: 8,
  sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10, nov: 11, nopember: 11, november: 11,
  des: 12, desember: 12, dec: 12, december: 12,
};

/**
 * Reads a date as LPK spreadsheets hold it: `17/08/2001`, `17-8-2001`, `17.08.2001`
 * (day first, as Indonesians write it), ISO `2001-08-17`, `17 Agustus 2001`, or an
 * Excel serial (37120) when the cell lost its date format. `31/02/2001` is an impossible
 * date (`invalid-date`), `kemarin` is not a date (`date-unreadable`).
 */
export function parseImportDate(raw: string): DateReading {
  const text = raw.trim();
  const parts = dateParts(text);
  if (parts === null) return { ok: false, problem: 'date-unreadable' };
  const [year, month, day] = parts;
  const iso = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  return isCalendarDate(iso) ? { ok: true, date: iso } : { ok: false, problem: 'invalid-date' };
}

function dateParts(text: string): [number, number, number] | null {
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return [Number(match[3]), Number(match[2]), Number(match[1])];
  match = /^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})$/i.exec(text);
  if (match) {
    const month = MONTHS[(match[2] ?? '').toLowerCase()];
    return month === undefined ? null : [Number(match[3]), month, Number(match[1])];
  }
  if (/^\d+(\.0+)?$/.test(text)) return serialParts(Number(text));
  return null;
}

function serialParts(serial: number): [number, number, number] | null {
  if (serial < SERIAL_RANGE[0] || serial > SERIAL_RANGE[1]) return null;
  const date = new Date(EXCEL_EPOCH_UTC + serial * DAY_MS);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
