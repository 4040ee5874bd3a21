import { addDays, type IsoDate } from '../../shared/domain/dates';
import type { Rng } from './random';

/**
 * Office days and hours for demo timestamps. Officers phone and visit on working days,
 * and reports cut off by the day in Asia/Makassar, so a timestamp must land on the day
 * we mean there, not in UTC.
 */

/** 2024–25 public holidays and collective leave (cuti bersama) that fall on weekdays. */
const HOLIDAYS = new Set([
  '2024-01-01', '2024-02-08', '2024-02-09', '2024-02-14', '2024-03-11', '2024-03-12',
  '2024-03-29', '2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12',
  '2024-04-15', '2024-05-01', '2024-05-09', '2024-05-10', '2024-05-23', '2024-05-24',
  '2024-06-17', '2024-06-18', '2024-09-16', '2024-11-27', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-01-27', '2025-01-29',
]);

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function isWorkday(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !HOLIDAYS.has(date);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` if it is a working day, else the nearest one before it (a course ends on one). */
export function workdayOnOrBefore(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkday(day)) day = addDays(day, -1);
  return day;
}

/** `date` if it is a working day, else the nearest one after it (a course starts on one). */
export function workdayOnOrAfter(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkday(day)) day = addDays(day, 1);
  return day;
}

/** A random working day in [from, to], or null when the range holds none. */
export function randomWorkday(rng: Rng, from: IsoDate, to: IsoDate): IsoDate | null {
  const span = daysBetween(from, to);
  if (span < 0) return null;
  const offset = rng.int(0, span);
  // Scan on from a random start, wrapping round, so the answer is uniform enough and
  // always found when one exists.
  for (let i = 0; i <= span; i += 1) {
    const date = addDays(from, (offset + i) % (span + 1));
    if (isWorkday(date)) return date;
  }
  return null;
}

/** The next working day after `date`. */
export function nextWorkday(date: IsoDate): IsoDate {
  return workdayOnOrAfter(addDays(date, 1));
}

/**
 * An instant at `hour:minute` local time in Asia/Makassar (UTC+8, no daylight saving).
 * Office hours 08:00–15:59 map to 00:00–07:59 UTC on the same calendar day, so the
 * Makassar day and the UTC date agree; an hour outside that range would shift the day.
 */
export function officeTime(date: IsoDate, hour: number, minute = 0): string {
  if (hour < 8 || hour > 15) throw new Error(`outside office hours: ${hour}`);
  const hh = String(hour - 8).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return `${date}T${hh}:${mm}:00.000Z`;
}

/** Adds minutes to an ISO instant (for createdAt just after a contact, voids a bit later). */
export function plusMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}
