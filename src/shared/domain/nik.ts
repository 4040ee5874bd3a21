import { isCalendarDate } from './dates';

/**
 * NIK (Nomor Induk Kependudukan), 16 digits:
 *   1–2 province · 3–4 regency/city · 5–6 district · 7–12 birth date DDMMYY
 *   (day + 40 for women) · 13–16 serial.
 * The check digits are not public, so we check the structure only.
 */
export type NikProblem = 'nik-format' | 'nik-length' | 'nik-province' | 'nik-birth-date';

export type NikFacts = {
  province: string;
  gender: 'male' | 'female';
  /** Day and month of birth, and the two-digit year (the century is not in the NIK). */
  birthDay: number;
  birthMonth: number;
  birthYear2: number;
};

export type NikCheck = { ok: true; facts: NikFacts } | { ok: false; problem: NikProblem };

export function checkNik(raw: string): NikCheck {
  const nik = raw.replace(/[\s.-]/g, '');
  if (!/^\d*$/.test(nik)) return { ok: false, problem: 'nik-format' };
  if (nik.length !== 16) return { ok: false, problem: 'nik-length' };
  const province = nik.slice(0, 2);
  if (province === '00') return { ok: false, problem: 'nik-province' };
  const encodedDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year2 = Number(nik.slice(10, 12));
  const gender = encodedDay > 40 ? 'female' : 'male';
  const day = gender === 'female' ? encodedDay - 40 : encodedDay;
  // Any century will do for the calendar check; 2000 is a leap year like 1900 is not,
  // so 29 February is accepted for every YY divisible by 4 (and for 00).
  const century = year2 === 0 ? 2000 : 1900;
  const probe = `${century + year2}-${pad2(month)}-${pad2(day)}`;
  if (!isCalendarDate(probe)) return { ok: false, problem: 'nik-birth-date' };
  return { ok: true, facts: { province, gender, birthDay: day, birthMonth: month, birthYear2: year2 } };
}

/** Strips the spaces, dots and dashes people type into a NIK. */
export function cleanNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
