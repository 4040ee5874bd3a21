import { describe, expect, it } from 'vitest';
import { providerReminders, type ProviderReminder } from '../../../src/shared/domain/provider-reminders';
import type { Cohort, Enrollment } from '../../../src/shared/schema';
import { aCohort, anEnrollment } from '../../fixtures/builders';

const TODAY = '2024-09-10';
const ended = aCohort({ id: '00000000-0000-4000-8000-0000000000a1', startDate: '2024-06-01', endDate: '2024-08-31' });
const endsToday = aCohort({ id: '00000000-0000-4000-8000-0000000000a2', startDate: '2024-08-01', endDate: TODAY });
const running = aCohort({ id: '00000000-0000-4000-8000-0000000000a3', startDate: '2024-09-01', endDate: '2024-10-31' });
const gone = aCohort({ id: '00000000-0000-4000-8000-0000000000a4', endDate: '2024-01-31', deleted: true });

const enrolled = (cohort: Cohort, extra: Partial<Enrollment> = {}) => anEnrollment({ cohortId: cohort.id, outcome: 'enrolled', graduationDate: null, ...extra });
const graduate = (cohort: Cohort, extra: Partial<Enrollment> = {}) => anEnrollment({ cohortId: cohort.id, graduationDate: cohort.endDate, ...extra });
const scheduled = (cohort: Cohort, day: string, extra: Partial<Enrollment> = {}) => graduate(cohort, { certification: 'scheduled', certificationScheduledDate: day, ...extra });

describe('providerReminders', () => {
  it.each<[string, Cohort[], Enrollment[], Omit<ProviderReminder, 'cohortId'>[]]>([
    ['nothing enrolled, nothing to do', [ended], [], []],
    ['an ended cohort with participants still enrolled', [ended], [enrolled(ended), enrolled(ended), graduate(ended)], [
      { kind: 'graduation-missing', count: 2, since: '2024-08-31' },
    ]],
    ['every participant graduated or not: no reminder', [ended], [graduate(ended), graduate(ended, { outcome: 'dropped-out', graduationDate: null })], []],
    ['a cohort ending today is not over yet', [endsToday], [enrolled(endsToday)], []],
    ['a running cohort is not over', [running], [enrolled(running)], []],
    ['a deleted cohort never reminds', [gone], [enrolled(gone)], []],
    ['a deleted enrolment never reminds', [ended], [enrolled(ended, { deleted: true })], []],
    ['an enrolment whose cohort is not on the device is skipped', [], [enrolled(ended)], []],
    ['certification scheduled yesterday without a result', [ended], [scheduled(ended, '2024-09-09')], [
      { kind: 'certification-overdue', count: 1, since: '2024-09-09' },
    ]],
    ['certification scheduled today is not overdue', [ended], [scheduled(ended, TODAY)], []],
    ['certification scheduled without a date is not overdue', [ended], [scheduled(ended, TODAY, { certificationScheduledDate: null })], []],
    ['a result recorded: competent or not yet competent', [ended], [
      scheduled(ended, '2024-09-01', { certification: 'competent' }), scheduled(ended, '2024-09-01', { certification: 'not-yet-competent' }),
    ], []],
    ['counted per cohort, from the earliest scheduled day', [ended], [scheduled(ended, '2024-09-05'), scheduled(ended, '2024-09-02')], [
      { kind: 'certification-overdue', count: 2, since: '2024-09-02' },
    ]],
  ])('%s', (_, cohorts, enrollments, expected) => {
    expect(providerReminders(cohorts, enrollments, TODAY).map(({ cohortId: _cohortId, ...rest }) => rest)).toEqual(expected);
  });

  it('puts the longest-waiting first, across cohorts and kinds', () => {
    const older = aCohort({ startDate: '2024-01-01', endDate: '2024-02-29' });
    const reminders = providerReminders(
      [ended, older],
      [scheduled(ended, '2024-09-09'), enrolled(ended), enrolled(older)],
      TODAY,
    );
    expect(reminders.map((reminder) => [reminder.kind, reminder.cohortId, reminder.since])).toEqual([
      ['graduation-missing', older.id, '2024-02-29'],
      ['graduation-missing', ended.id, '2024-08-31'],
      ['certification-overdue', ended.id, '2024-09-09'],
    ]);
  });
});
