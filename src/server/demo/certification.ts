import { addDays, type IsoDate } from '../../shared/domain/dates';
import type { Cohort, Enrollment } from '../../shared/schema';
import { officeTime, workdayOnOrAfter } from './clock';
import type { Rng } from './random';

/** Share of assessed graduates found competent; the rest are "belum kompeten". */
const COMPETENT_SHARE = 0.9;
const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export type Certified = { cohorts: Cohort[]; enrollments: Enrollment[] };

/**
 * The competency assessments of February 2025: every cohort whose planned assessment day
 * has passed by `today` held it on that day; each graduate scheduled for it is found
 * competent or not yet competent, and a competent one's certificate is issued two to
 * three weeks later with a number in the provider's register. Assessments still ahead
 * of `today` stay scheduled, so a demo made before February 2025 shows them so.
 * Returns updated copies; the 2024 records passed in are left as they were.
 */
export function certify(
  rng: Rng,
  cohorts: readonly Cohort[],
  enrollments: readonly Enrollment[],
  codes: { provider: ReadonlyMap<string, string>; vocation: ReadonlyMap<string, string> },
  today: IsoDate,
): Certified {
  const assessed = new Map<string, Cohort>();
  const updatedCohorts = cohorts.map((cohort) => {
    const day = cohort.plannedCertificationDate;
    if (day === null || day >= today) return cohort;
    const done = { ...cohort, actualCertificationDate: day, updatedAt: officeTime(day, 15, rng.int(0, 59)) };
    assessed.set(cohort.id, done);
    return done;
  });

  const serials = new Map<string, number>();
  const updatedEnrollments = enrollments.map((enrollment) => {
    const cohort = assessed.get(enrollment.cohortId);
    if (cohort === undefined || enrollment.certification !== 'scheduled' || cohort.actualCertificationDate === null) return enrollment;
    const assessedOn = cohort.actualCertificationDate;
    if (!rng.chance(COMPETENT_SHARE)) {
      return { ...enrollment, certification: 'not-yet-competent' as const, updatedAt: officeTime(assessedOn, 15, rng.int(0, 59)) };
    }
    const issued = workdayOnOrAfter(addDays(assessedOn, rng.int(14, 21)));
    if (issued >= today) {
      return { ...enrollment, certification: 'competent' as const, updatedAt: officeTime(assessedOn, 15, rng.int(0, 59)) };
    }
    const serial = (serials.get(cohort.providerId) ?? 0) + 1;
    serials.set(cohort.providerId, serial);
    const number = [
      codes.provider.get(cohort.providerId) ?? 'LPK',
      codes.vocation.get(cohort.vocationId) ?? 'UMUM',
      String(serial).padStart(4, '0'),
      ROMAN_MONTHS[Number(issued.slice(5, 7)) - 1] ?? '',
      issued.slice(0, 4),
    ].join('/');
    return {
      ...enrollment, certification: 'competent' as const, certificationIssuedDate: issued, certificateNumber: number,
      updatedAt: officeTime(issued, 10, rng.int(0, 59)),
    };
  });
  return { cohorts: updatedCohorts, enrollments: updatedEnrollments };
}

/** "LPK Barber Nusantara Bontang" → "LBNB": the short code certificates carry. */
export function initials(name: string): string {
  return name
    .split(/[\s.-]+/)
    .filter((word) => /^[A-Za-z]/.test(word))
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 6);
}
