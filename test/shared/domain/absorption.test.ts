import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { AbsorptionFigures, ReportDimension } from '../../../src/shared/api/reports.api';
import { absorptionFigures, type AbsorptionFiguresGroup } from '../../../src/shared/domain/absorption';
import { CohortSchema, EnrollmentSchema, FollowUpSchema, type AlumnusStatus, type Enrollment, type FollowUp } from '../../../src/shared/schema';
import { aCohort, aFollowUp, anEnrollment, anId } from '../../fixtures/builders';

const AS_OF = '2024-08-31';
const [P1, P2, V1, V2] = [anId(), anId(), anId(), anId()];

// c1 and c4 share every group but the cohort; c2 and c3 belong to another provider.
const c1 = aCohort({ providerId: P1, vocationId: V1, fundingSource: 'apbd-murni', budgetYear: 2024, startDate: '2024-03-01', endDate: '2024-03-30' });
const c2 = aCohort({ providerId: P2, vocationId: V2, fundingSource: 'apbd-perubahan', budgetYear: 2024, startDate: '2024-07-01', endDate: '2024-08-20' });
const c3 = aCohort({ providerId: P2, vocationId: V2, fundingSource: 'apbd-murni', budgetYear: 2023, startDate: '2023-05-01', endDate: '2023-06-30' });
const c4 = aCohort({ providerId: P1, vocationId: V1, fundingSource: 'apbd-murni', budgetYear: 2024, startDate: '2024-04-01', endDate: '2024-05-01' });
const notStarted = aCohort({ providerId: P2, vocationId: V2, budgetYear: 2024, startDate: '2024-10-01', endDate: '2024-10-30' });
const deletedCohort = aCohort({ providerId: P1, vocationId: V1, deleted: true });

const [ani, budi, citra, dewi, eko, fajar] = [anId(), anId(), anId(), anId(), anId(), anId()];
const [gita, hadi, iwan, joko, kiki, lina] = [anId(), anId(), anId(), anId(), anId(), anId()];

const enrollments: Enrollment[] = [
  anEnrollment({ cohortId: c1.id, alumnusId: ani, certification: 'competent', certificationIssuedDate: '2024-05-01' }),
  anEnrollment({ cohortId: c1.id, alumnusId: budi }),
  anEnrollment({ cohortId: c2.id, alumnusId: budi, graduationDate: '2024-08-20' }),
  anEnrollment({ cohortId: c1.id, alumnusId: citra, outcome: 'dropped-out', graduationDate: null }),
  anEnrollment({ cohortId: c1.id, alumnusId: dewi, graduationDate: '2024-09-15' }),
  anEnrollment({ cohortId: c1.id, alumnusId: eko }),
  anEnrollment({ cohortId: c1.id, alumnusId: fajar }),
  anEnrollment({ cohortId: c3.id, alumnusId: gita, graduationDate: '2023-06-30' }),
  anEnrollment({ cohortId: c1.id, alumnusId: hadi, outcome: 'not-graduated', graduationDate: null }),
  anEnrollment({ cohortId: c4.id, alumnusId: hadi, graduationDate: '2024-05-01' }),
  anEnrollment({ cohortId: notStarted.id, alumnusId: iwan, outcome: 'enrolled', graduationDate: null }),
  anEnrollment({ cohortId: deletedCohort.id, alumnusId: joko }),
  anEnrollment({ cohortId: c1.id, alumnusId: kiki, certification: 'competent', certificationIssuedDate: '2024-10-01' }),
  anEnrollment({ cohortId: c1.id, alumnusId: lina, deleted: true }),
];

const reached = (alumnusId: string, status: AlumnusStatus, contactedAt: string, extra: Partial<FollowUp> = {}) =>
  aFollowUp({ alumnusId, reached: true, status, contactedAt, ...extra });
const attempt = (alumnusId: string, contactedAt: string) => aFollowUp({ alumnusId, reached: false, contactedAt });

const followUps: FollowUp[] = [
  reached(ani, 'employed', '2024-06-10T02:00:00Z'),
  reached(budi, 'business', '2024-07-10T02:00:00Z'),
  reached(citra, 'employed', '2024-07-10T02:00:00Z'), // dropped out: not among the graduates
  reached(dewi, 'employed', '2024-08-10T02:00:00Z'), // graduates after asOf: not counted
  reached(eko, 'seeking', '2024-06-10T02:00:00Z'),
  attempt(eko, '2024-08-10T02:00:00Z'), // a failed attempt keeps the reached status
  attempt(fajar, '2024-06-10T02:00:00Z'),
  attempt(fajar, '2024-07-10T02:00:00Z'),
  reached(hadi, 'seeking', '2024-06-10T02:00:00Z'),
  reached(hadi, 'employed', '2024-08-31T16:30:00Z'), // 1 Sep in Makassar: after asOf
  reached(kiki, 'employed', '2024-07-10T02:00:00Z', { voidedAt: '2024-07-11T00:00:00.000Z' }),
  reached(iwan, 'employed', '2024-08-10T02:00:00Z'),
];

const cohorts = [c1, c2, c3, c4, notStarted, deletedCohort];

/** [trained, graduated, certified, employed, business, seeking, unreachable, neverContacted] */
type Counts = [number, number, number, number, number, number, number, number];

function counted(counts: Counts): AbsorptionFigures {
  const [trained, graduated, certified, employed, business, seeking, unreachable, neverContacted] = counts;
  return {
    trained, graduated, certified, employed, business, seeking, unreachable, neverContacted,
    reached: employed + business + seeking,
    absorptionRate: graduated === 0 ? null : (employed + business) / graduated,
  };
}

function expected(groupBy: readonly ReportDimension[], values: string[], counts: Counts): AbsorptionFiguresGroup {
  const keys = Object.fromEntries(groupBy.map((dimension, i) => [dimension, values[i]]));
  return { key: values.join(','), keys, ...counted(counts) };
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
const figuresOf = (groupBy: readonly ReportDimension[], extra: { timeZone?: string } = {}) =>
  absorptionFigures({ cohorts, enrollments, followUps, asOf: AS_OF, groupBy, ...extra });

// Everyone counted once: ani, budi, citra, dewi, eko, fajar, gita, hadi, kiki (iwan's cohort has not started).
const TOTAL: Counts = [9, 7, 1, 1, 1, 2, 1, 2];

describe('absorptionFigures', () => {
  it.each<[ReportDimension[], [string[], Counts][]]>([
    [[], []],
    [['year'], [[['2023'], [1, 1, 0, 0, 0, 0, 0, 1]], [['2024'], [8, 6, 1, 1, 1, 2, 1, 1]]]],
    [['funding-source'], [[['apbd-murni'], [9, 7, 1, 1, 1, 2, 1, 2]], [['apbd-perubahan'], [1, 1, 0, 0, 1, 0, 0, 0]]]],
    [['provider'], [[[P1], [8, 6, 1, 1, 1, 2, 1, 1]], [[P2], [2, 2, 0, 0, 1, 0, 0, 1]]]],
    [['vocation'], [[[V1], [8, 6, 1, 1, 1, 2, 1, 1]], [[V2], [2, 2, 0, 0, 1, 0, 0, 1]]]],
    [['cohort'], [
      [[c1.id], [8, 5, 1, 1, 1, 1, 1, 1]], // hadi did not graduate here
      [[c2.id], [1, 1, 0, 0, 1, 0, 0, 0]],
      [[c3.id], [1, 1, 0, 0, 0, 0, 0, 1]],
      [[c4.id], [1, 1, 0, 0, 0, 1, 0, 0]],
    ]],
    [['provider', 'funding-source'], [
      [[P1, 'apbd-murni'], [8, 6, 1, 1, 1, 2, 1, 1]],
      [[P2, 'apbd-murni'], [1, 1, 0, 0, 0, 0, 0, 1]],
      [[P2, 'apbd-perubahan'], [1, 1, 0, 0, 1, 0, 0, 0]],
    ]],
    [['funding-source', 'year'], [
      [['apbd-murni', '2023'], [1, 1, 0, 0, 0, 0, 0, 1]],
      [['apbd-murni', '2024'], [8, 6, 1, 1, 1, 2, 1, 1]],
      [['apbd-perubahan', '2024'], [1, 1, 0, 0, 1, 0, 0, 0]],
    ]],
  ])('by %j', (groupBy, rows) => {
    const actual = figuresOf(groupBy);
    expect(actual.total).toEqual(counted(TOTAL));
    expect(actual.groups).toEqual(rows.map(([values, counts]) => expected(groupBy, values, counts)).sort(byKey));
  });

  it('reads contact days in the zone it is given', () => {
    // 16:30Z on 31 Aug is still 31 Aug in Jakarta, so hadi's employed contact counts.
    const [group] = absorptionFigures({ cohorts: [c4], enrollments, followUps, asOf: AS_OF, groupBy: ['cohort'], timeZone: 'Asia/Jakarta' }).groups;
    expect(group).toMatchObject({ employed: 1, seeking: 0 });
  });

  it('leaves out contacts after the as-of day', () => {
    const later = absorptionFigures({ cohorts, enrollments, followUps, asOf: '2024-09-30', groupBy: [] }).total;
    // dewi graduates (15 Sep) with an August contact; hadi's 1 Sep contact now counts.
    expect(later).toMatchObject({ graduated: 8, employed: 3, seeking: 1 });
    expect(figuresOf([]).total).toMatchObject({ graduated: 7, employed: 1, seeking: 2 });
  });

  it.each<[string, Partial<Enrollment>, Partial<AbsorptionFigures>]>([
    ['a graduation without a date counts', { graduationDate: null }, { graduated: 1, certified: 0 }],
    ['a certificate without an issue date counts', { certification: 'competent', certificationIssuedDate: null }, { certified: 1 }],
    ['a certificate issued on the as-of day counts', { certification: 'competent', certificationIssuedDate: AS_OF }, { certified: 1 }],
    ['a graduation on the as-of day counts', { graduationDate: AS_OF }, { graduated: 1, neverContacted: 1 }],
    ['not yet competent is not certified', { certification: 'not-yet-competent', certificationIssuedDate: '2024-05-01' }, { certified: 0 }],
    ['still enrolled: trained only', { outcome: 'enrolled', graduationDate: null }, { trained: 1, graduated: 0, absorptionRate: null }],
  ])('%s', (_label, overrides, wanted) => {
    const enrollment = anEnrollment({ cohortId: c1.id, ...overrides });
    const { total } = absorptionFigures({ cohorts: [c1], enrollments: [enrollment], followUps: [], asOf: AS_OF, groupBy: [] });
    expect(total).toMatchObject(wanted);
  });

  it('gives a null rate, not zero, when nobody graduated', () => {
    const dropped = anEnrollment({ cohortId: c1.id, outcome: 'dropped-out', graduationDate: null });
    expect(absorptionFigures({ cohorts: [c1], enrollments: [dropped], followUps: [], asOf: AS_OF, groupBy: ['cohort'] }).groups).toEqual([
      expected(['cohort'], [c1.id], [1, 0, 0, 0, 0, 0, 0, 0]),
    ]);
  });

  it('with no data gives zero totals and no groups', () => {
    expect(absorptionFigures({ cohorts: [], enrollments: [], followUps: [], asOf: AS_OF, groupBy: ['provider'] })).toEqual({
      total: counted([0, 0, 0, 0, 0, 0, 0, 0]),
      groups: [],
    });
  });

  it('builders make records the schemas accept', () => {
    expect(() => cohorts.map((c) => v.parse(CohortSchema, c))).not.toThrow();
    expect(() => enrollments.map((e) => v.parse(EnrollmentSchema, e))).not.toThrow();
    expect(() => followUps.map((f) => v.parse(FollowUpSchema, f))).not.toThrow();
    expect(() => v.parse(FollowUpSchema, aFollowUp({ reached: false, voidedAt: '2024-07-11T00:00:00.000Z' }))).not.toThrow();
  });

  it('splits the graduates into statuses that add up, in every grouping (property)', () => {
    const people = Array.from({ length: 6 }, anId);
    const groupCohorts = [c1, c2, c3, c4, notStarted];
    const enrollment = fc
      .record({
        alumnusId: fc.constantFrom(...people),
        cohortId: fc.constantFrom(...groupCohorts.map((c) => c.id)),
        outcome: fc.constantFrom('enrolled', 'graduated', 'not-graduated', 'dropped-out'),
        graduationDate: fc.constantFrom(null, '2024-05-01', AS_OF, '2024-09-01'),
        deleted: fc.boolean(),
      })
      .map((fields) => anEnrollment(fields));
    const followUp = fc
      .record({
        alumnusId: fc.constantFrom(...people),
        reached: fc.boolean(),
        status: fc.constantFrom<AlumnusStatus>('employed', 'business', 'seeking'),
        contactedAt: fc.constantFrom('2024-06-01T02:00:00Z', '2024-08-31T15:59:59Z', '2024-08-31T16:00:00Z'),
        voided: fc.boolean(),
      })
      .map(({ reached: isReached, status, voided, ...fields }) =>
        aFollowUp({
          ...fields,
          reached: isReached,
          status: isReached ? status : null,
          ...(voided ? { voidedAt: '2024-12-01T00:00:00.000Z' } : {}),
        }),
      );
    const groupings: ReportDimension[][] = [[], ['year'], ['funding-source'], ['provider'], ['cohort'], ['vocation'], ['provider', 'funding-source']];
    fc.assert(
      fc.property(fc.array(enrollment, { maxLength: 12 }), fc.array(followUp, { maxLength: 20 }), (es, fs) => {
        for (const groupBy of groupings) {
          const { total, groups } = absorptionFigures({ cohorts: groupCohorts, enrollments: es, followUps: fs, asOf: AS_OF, groupBy });
          for (const row of [total, ...groups]) {
            expect(row.employed + row.business + row.seeking + row.unreachable + row.neverContacted).toBe(row.graduated);
            expect(row.reached).toBe(row.employed + row.business + row.seeking);
            expect(row.graduated).toBeLessThanOrEqual(row.trained);
            expect(row.certified).toBeLessThanOrEqual(row.trained);
            expect(row.trained).toBeLessThanOrEqual(total.trained);
          }
          // Everyone is in at least one group (more when trained in several), so groups add up to at least the total.
          if (groupBy.length > 0) expect(groups.reduce((sum, g) => sum + g.trained, 0)).toBeGreaterThanOrEqual(total.trained);
        }
      }),
      { numRuns: 200 },
    );
  });
});
