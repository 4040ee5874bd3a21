import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportDimension } from '../../../src/shared/api/reports.api';
import { absorptionFigures } from '../../../src/shared/domain/absorption';
import { absorptionFromFacts, indexFacts } from '../../../src/shared/domain/absorption-from-facts';
import { personReportFacts, reportFactsOf } from '../../../src/shared/domain/report-facts';
import { selfReportCoverage, type CoverageLink } from '../../../src/shared/domain/self-report-coverage';
import type { AlumnusStatus, Enrollment, FollowUp } from '../../../src/shared/schema';
import { aCohort, aFollowUp, anEnrollment, anId } from '../../fixtures/builders';

/*
 * The device's fast path (each person's facts kept with every write, figures tallied
 * from them) against the shared rules over every raw record, on random histories:
 * cohorts starting on either side of the as-of days, graduation and certification dated
 * or not, withdrawn (deleted) enrolments and deleted cohorts, contacts on the same day,
 * voided, self-reported and logged either side of midnight office time (16:00Z in
 * Makassar), and as-of days before and after everything.
 */

const PROVIDERS = [anId(), anId()];
const VOCATIONS = [anId(), anId()];
const DAYS = ['2023-12-31', '2024-03-01', '2024-06-30', '2024-07-01', '2024-08-31', '2024-09-01', '2030-01-01'];
const INSTANTS = [
  '2024-02-01T00:00:00.000Z', '2024-06-30T15:59:59.000Z', '2024-06-30T16:00:00.000Z', '2024-06-30T16:00:00.000Z',
  '2024-07-15T02:00:00.000Z', '2024-08-31T15:59:00.000Z', '2024-08-31T17:00:00.000Z',
];
const GROUPINGS: ReportDimension[][] = [[], ['provider', 'funding-source'], ['year'], ['cohort', 'vocation'], ['funding-source']];

const cohortArb = fc.record({
  provider: fc.constantFrom(...PROVIDERS),
  vocation: fc.constantFrom(...VOCATIONS),
  funding: fc.constantFrom<'apbd-murni' | 'apbd-perubahan'>('apbd-murni', 'apbd-perubahan'),
  year: fc.constantFrom(2023, 2024),
  startDate: fc.constantFrom(...DAYS),
  deleted: fc.boolean(),
});
const enrollmentArb = fc.record({
  cohort: fc.nat(3),
  outcome: fc.constantFrom<Enrollment['outcome']>('graduated', 'graduated', 'dropped-out', 'enrolled'),
  graduationDate: fc.option(fc.constantFrom(...DAYS)),
  certification: fc.constantFrom<Enrollment['certification']>('competent', 'none', 'not-yet-competent'),
  certifiedDate: fc.option(fc.constantFrom(...DAYS)),
  withdrawn: fc.boolean(),
});
const contactArb = fc.record({
  person: fc.nat(5),
  contactedAt: fc.constantFrom(...INSTANTS),
  createdAt: fc.constantFrom(...INSTANTS),
  reached: fc.boolean(),
  status: fc.constantFrom<AlumnusStatus>('employed', 'business', 'seeking'),
  selfReport: fc.boolean(),
  voided: fc.boolean(),
});
const linkArb = fc.record({
  person: fc.nat(5),
  createdAt: fc.constantFrom(...INSTANTS),
  answeredAt: fc.option(fc.constantFrom(...INSTANTS)),
  withdrawnAt: fc.option(fc.constantFrom(...INSTANTS)),
});
const historyArb = fc.record({
  cohorts: fc.array(cohortArb, { minLength: 1, maxLength: 4 }),
  people: fc.array(fc.array(enrollmentArb, { maxLength: 3 }), { minLength: 1, maxLength: 6 }),
  contacts: fc.array(contactArb, { maxLength: 16 }),
  links: fc.array(linkArb, { maxLength: 4 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

function recordsOf(history: History) {
  const cohorts = history.cohorts.map((c) =>
    aCohort({ providerId: c.provider, vocationId: c.vocation, fundingSource: c.funding, budgetYear: c.year, startDate: c.startDate, deleted: c.deleted }),
  );
  const people = history.people.map(() => anId());
  const enrollments = history.people.flatMap((mine, i) =>
    mine.map((e) =>
      anEnrollment({
        alumnusId: people[i]!, cohortId: cohorts[e.cohort % cohorts.length]!.id, outcome: e.outcome, graduationDate: e.graduationDate,
        certification: e.certification, certificationIssuedDate: e.certifiedDate, deleted: e.withdrawn,
      }),
    ),
  );
  const followUps: FollowUp[] = history.contacts.map((c) =>
    aFollowUp({
      alumnusId: people[c.person % people.length]!, contactedAt: c.contactedAt, createdAt: c.createdAt, reached: c.reached,
      status: c.reached ? c.status : null, channel: c.selfReport ? 'self-report' : 'phone', voidedAt: c.voided ? '2024-12-01T00:00:00.000Z' : null,
    }),
  );
  const links: CoverageLink[] = history.links.map((l) => ({
    alumnusId: people[l.person % people.length]!, createdAt: l.createdAt, answeredAt: l.answeredAt, withdrawnAt: l.withdrawnAt,
  }));
  return { cohorts, people, enrollments, followUps, links };
}

describe('absorptionFromFacts', () => {
  it('equals absorptionFigures and selfReportCoverage over the raw records, on random histories (property)', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const { cohorts, people, enrollments, followUps, links } = recordsOf(history);
        const facts = reportFactsOf(enrollments, followUps);
        // Kept person by person (as writes keep them) or built from whole tables, the facts are the same.
        expect(people.flatMap((id) => personReportFacts(id, enrollments, followUps) ?? [])).toEqual(
          people.flatMap((id) => facts.filter((person) => person.alumnusId === id)),
        );
        for (const asOf of DAYS) {
          const coverage = selfReportCoverage({ cohorts, enrollments, followUps, links, asOf });
          for (const groupBy of GROUPINGS) {
            const { selfReport, ...fast } = absorptionFromFacts({ cohorts, facts: indexFacts(facts), links, asOf, groupBy });
            expect(fast, `${asOf} by ${groupBy.join(',')}`).toEqual(absorptionFigures({ cohorts, enrollments, followUps, asOf, groupBy }));
            expect(selfReport, `${asOf}`).toEqual(coverage);
          }
        }
      }),
      { numRuns: 400, seed: 20261206 },
    );
  });

  it('counts a person with no live enrolment nowhere, and keeps no facts for them', () => {
    const cohort = aCohort({ startDate: '2024-03-01' });
    const alumnusId = anId();
    const withdrawn = anEnrollment({ alumnusId, cohortId: cohort.id, deleted: true });
    const contact = aFollowUp({ alumnusId, contactedAt: '2024-07-01T02:00:00.000Z' });
    expect(personReportFacts(alumnusId, [withdrawn], [contact])).toBeNull();
    expect(reportFactsOf([withdrawn], [contact])).toEqual([]);
    expect(absorptionFromFacts({ cohorts: [cohort], facts: indexFacts([]), links: [], asOf: '2024-08-31', groupBy: [] }).total.trained).toBe(0);
  });
});
