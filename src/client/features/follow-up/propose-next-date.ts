import { dateInZone, type IsoDate } from '../../../shared/domain/dates';
import { nextDueDate } from '../../../shared/domain/due-date';
import type { FollowUp } from '../../../shared/schema/follow-up.schema';
import type { EnrollmentView } from '../alumnus/use-alumnus-record';

/**
 * The next follow-up date to propose: the shared due-date rule (the one the worklist
 * uses) applied as if this contact were already logged without a date of its own. A
 * date on or before the contact's day is no proposal — it would tell the officer nothing,
 * and the worklist keeps an unreached alumnus overdue by the same rule anyway — so the
 * field then starts empty.
 */
export function proposeNextDate(graduationDate: IsoDate | null, existing: readonly FollowUp[], contact: FollowUp | null): IsoDate | null {
  if (contact === null) return null;
  const due = nextDueDate(graduationDate, [...existing, contact]);
  return due !== null && due > dateInZone(contact.contactedAt) ? due : null;
}

/** The date due dates count from, as the worklist takes it: the latest graduation in a cohort on this device. */
export function graduationDateOf(enrollments: readonly EnrollmentView[]): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const { enrollment, cohort } of enrollments) {
    const date = enrollment.graduationDate;
    if (cohort === null || enrollment.outcome !== 'graduated' || date === null) continue;
    if (latest === null || date > latest) latest = date;
  }
  return latest;
}
