import { describe, expect, it } from 'vitest';
import { selfReportCoverage, type CoverageLink } from '../../../src/shared/domain/self-report-coverage';
import type { FollowUp } from '../../../src/shared/schema';
import { aCohort, aFollowUp, anEnrollment, anId } from '../../fixtures/builders';

const AS_OF = '2024-08-31';
const cohort = aCohort({ startDate: '2024-03-01', endDate: '2024-03-30' });
const later = aCohort({ startDate: '2024-10-01', endDate: '2024-10-30' });
const [ani, budi, citra, dewi, eko, fajar] = [anId(), anId(), anId(), anId(), anId(), anId()];
const enrollments = [
  ...[ani, budi, citra, dewi].map((alumnusId) => anEnrollment({ cohortId: cohort.id, alumnusId })),
  anEnrollment({ cohortId: cohort.id, alumnusId: eko, outcome: 'dropped-out', graduationDate: null }),
  anEnrollment({ cohortId: later.id, alumnusId: fajar, outcome: 'enrolled', graduationDate: null }),
];

const contact = (alumnusId: string, channel: FollowUp['channel'], contactedAt: string, extra: Partial<FollowUp> = {}) =>
  aFollowUp({ alumnusId, channel, contactedAt, createdAt: contactedAt, reached: true, status: 'employed', ...extra });
const link = (alumnusId: string, createdAt: string, extra: Partial<CoverageLink> = {}): CoverageLink => ({ alumnusId, createdAt, answeredAt: null, withdrawnAt: null, ...extra });

const coverage = (followUps: FollowUp[], links: CoverageLink[] = []) => selfReportCoverage({ cohorts: [cohort, later], enrollments, followUps, links, asOf: AS_OF });

describe('selfReportCoverage', () => {
  it('counts graduates whose status as of the day came from their own answer', () => {
    expect(
      coverage([
        // Ani answered herself: counts.
        contact(ani, 'self-report', '2024-08-10T02:00:00.000Z'),
        // Budi answered, then an officer found him later: the officer's status stands.
        contact(budi, 'self-report', '2024-07-01T02:00:00.000Z'),
        contact(budi, 'phone', '2024-08-01T02:00:00.000Z', { status: 'seeking' }),
        // Citra: an officer first, then her own later answer.
        contact(citra, 'visit', '2024-06-01T02:00:00.000Z'),
        contact(citra, 'self-report', '2024-08-20T02:00:00.000Z', { status: 'business' }),
        // Dewi's answer was voided, and a later one came after the day.
        contact(dewi, 'self-report', '2024-08-05T02:00:00.000Z', { voidedAt: '2024-08-06T02:00:00.000Z', voidedBy: anId(), voidReason: 'kerabat' }),
        contact(dewi, 'self-report', '2024-09-02T02:00:00.000Z'),
        // Eko did not graduate: his answer is no graduate's status.
        contact(eko, 'self-report', '2024-08-10T02:00:00.000Z'),
      ]).statuses,
    ).toBe(2);
  });

  it('reads "prefer not to say" as no status: the earlier status stays the officer\'s', () => {
    expect(
      coverage([contact(ani, 'phone', '2024-06-01T02:00:00.000Z'), contact(ani, 'self-report', '2024-08-10T02:00:00.000Z', { status: null })]).statuses,
    ).toBe(0);
  });

  it('cuts at the office day: an answer at 23:30 WITA on the day counts, one at 00:30 the next does not', () => {
    expect(coverage([contact(ani, 'self-report', '2024-08-31T15:30:00.000Z')]).statuses).toBe(1);
    expect(coverage([contact(ani, 'self-report', '2024-08-31T16:30:00.000Z')]).statuses).toBe(0);
  });

  it('counts links made by the day and not withdrawn by then, and those answered by then, of the report\'s people', () => {
    const figures = coverage(
      [],
      [
        link(ani, '2024-08-01T02:00:00.000Z', { answeredAt: '2024-08-10T02:00:00.000Z' }),
        link(budi, '2024-08-01T02:00:00.000Z', { answeredAt: '2024-09-03T02:00:00.000Z' }),
        link(citra, '2024-08-01T02:00:00.000Z'),
        link(citra, '2024-08-02T02:00:00.000Z', { withdrawnAt: '2024-08-03T02:00:00.000Z' }),
        link(dewi, '2024-08-02T02:00:00.000Z', { withdrawnAt: '2024-09-03T02:00:00.000Z' }),
        link(eko, '2024-08-02T02:00:00.000Z'),
        // Made after the day; and someone whose cohort had not started.
        link(ani, '2024-09-01T02:00:00.000Z'),
        link(fajar, '2024-08-02T02:00:00.000Z'),
        link(anId(), '2024-08-02T02:00:00.000Z'),
      ],
    );
    expect(figures).toEqual({ statuses: 0, linksSent: 5, linksAnswered: 1 });
  });
});
