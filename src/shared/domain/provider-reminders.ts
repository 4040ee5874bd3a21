import type { Cohort } from '../schema/cohort.schema';
import type { Enrollment } from '../schema/enrollment.schema';
import type { IsoDate } from './dates';

/**
 * What a provider's clerk has left undone, read from the data alone:
 * - `graduation-missing`: a cohort that has ended while some of its participants are
 *   still `enrolled` (nobody recorded whether they graduated);
 * - `certification-overdue`: participants whose certification was scheduled for a day
 *   before today and still reads `scheduled` (the result was never recorded).
 * One reminder per cohort and kind, with how many participants it concerns.
 */
export type ProviderReminder = {
  kind: 'graduation-missing' | 'certification-overdue';
  cohortId: string;
  /** Participants concerned. */
  count: number;
  /** The day it became due: the cohort's end, or the earliest scheduled certification. */
  since: IsoDate;
};

/**
 * The reminders as of `today` (a day in the office's zone), the longest-waiting first.
 * Deleted records never remind; an enrolment whose cohort is not on the device is
 * skipped (a pull still under way).
 */
export function providerReminders(cohorts: Iterable<Cohort>, enrollments: Iterable<Enrollment>, today: IsoDate): ProviderReminder[] {
  const live = new Map<string, Cohort>();
  for (const cohort of cohorts) if (!cohort.deleted) live.set(cohort.id, cohort);

  const found = new Map<string, ProviderReminder>();
  const add = (kind: ProviderReminder['kind'], cohortId: string, since: IsoDate) => {
    const key = `${kind}|${cohortId}`;
    const reminder = found.get(key);
    if (reminder === undefined) found.set(key, { kind, cohortId, count: 1, since });
    else {
      reminder.count += 1;
      if (since < reminder.since) reminder.since = since;
    }
  };

  for (const enrollment of enrollments) {
    const cohort = live.get(enrollment.cohortId);
    if (enrollment.deleted || cohort === undefined) continue;
    // Ended means the last day of training is behind us: on the end day itself the class may still be on.
    if (enrollment.outcome === 'enrolled' && cohort.endDate < today) add('graduation-missing', cohort.id, cohort.endDate);
    const scheduled = enrollment.certificationScheduledDate;
    if (enrollment.certification === 'scheduled' && scheduled !== null && scheduled < today) add('certification-overdue', cohort.id, scheduled);
  }

  return [...found.values()].sort(
    (a, b) => a.since.localeCompare(b.since) || a.kind.localeCompare(b.kind) || a.cohortId.localeCompare(b.cohortId),
  );
}
