import fc from 'fast-check';
import { expect, it } from 'vitest';
import { insertEnrollment, updateEnrollmentRow } from '../../../src/server/db/enrollments.repository';
import { insertFollowUp, updateFollowUpRow } from '../../../src/server/db/follow-ups.repository';
import { toRow } from '../../../src/server/db/rows';
import { absorptionAggregate } from '../../../src/server/reports/absorption-aggregate';
import type { CohortFilter } from '../../../src/server/reports/cohort-filter';
import type { ReportDimension } from '../../../src/shared/api/reports.api';
import { absorptionFigures } from '../../../src/shared/domain/absorption';
import { selfReportCoverage } from '../../../src/shared/domain/self-report-coverage';
import type { AlumnusStatus, Enrollment, FollowUp } from '../../../src/shared/schema';
import { aCohort, aFollowUp, anAlumnus, anEnrollment } from '../../fixtures/builders';
import { describeEachDialect, useTestDatabase } from '../databases';
import { signedInUser } from '../sign-in';
import { loadRawRecords } from './raw-records';

/*
 * The report's fast path (status steps kept with each write, one aggregate in the
 * database) against the shared rule over the raw records, on random histories: cohorts
 * starting on either side of the as-of days, graduations and certifications dated or not,
 * deleted records, enrolments withdrawn or edited after they were stored, contacts
 * logged and voided in any order around office midnight.
 */

const PROVIDERS = ['prov-a', 'prov-b'];
const VOCATIONS = ['voc-a', 'voc-b'];
const DAYS = ['2024-03-01', '2024-06-30', '2024-07-01', '2024-08-31'];
const INSTANTS = ['2024-06-30T15:59:59.000Z', '2024-06-30T16:00:00.000Z', '2024-07-15T02:00:00.000Z', '2024-08-31T17:00:00.000Z', '2024-02-01T00:00:00.000Z'];
const GROUPINGS: ReportDimension[][] = [[], ['provider', 'funding-source'], ['year'], ['cohort', 'vocation']];
const FILTERS: CohortFilter[] = [{}, { provider: 'prov-a' }, { fundingSource: 'apbd-perubahan', year: 2024 }];

const cohortArb = fc.record({
  provider: fc.constantFrom(...PROVIDERS),
  vocation: fc.constantFrom(...VOCATIONS),
  funding: fc.constantFrom<'apbd-murni' | 'apbd-perubahan'>('apbd-murni', 'apbd-perubahan'),
  year: fc.constantFrom(2023, 2024),
  startDate: fc.constantFrom(...DAYS),
});
const enrollmentArb = fc.record({
  cohort: fc.nat(3),
  graduated: fc.boolean(),
  graduationDate: fc.option(fc.constantFrom(...DAYS)),
  certified: fc.boolean(),
  certifiedDate: fc.option(fc.constantFrom(...DAYS)),
  // Mostly live: people trained twice or three times are what merging across cohorts is for.
  deleted: fc.constantFrom(false, false, false, true),
});
const logArb = fc.record({
  kind: fc.constant('log' as const),
  person: fc.nat(4),
  contactedAt: fc.constantFrom(...INSTANTS),
  createdAt: fc.constantFrom(...INSTANTS),
  reached: fc.boolean(),
  status: fc.constantFrom<AlumnusStatus>('employed', 'business', 'seeking'),
  selfReport: fc.boolean(),
});
const voidArb = fc.record({ kind: fc.constant('void' as const), which: fc.nat(20) });
// An enrolment edited after it was stored: withdrawn, restored, or its outcome and dates changed.
const editArb = fc.record({
  kind: fc.constant('edit' as const),
  which: fc.nat(20),
  deleted: fc.boolean(),
  graduated: fc.boolean(),
  graduationDate: fc.option(fc.constantFrom(...DAYS)),
  certifiedDate: fc.option(fc.constantFrom(...DAYS)),
});
const historyArb = fc.record({
  cohorts: fc.array(cohortArb, { minLength: 2, maxLength: 4 }),
  deletedCohort: fc.option(fc.nat(3)),
  people: fc.array(fc.array(enrollmentArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
  writes: fc.array(fc.oneof(logArb, logArb, voidArb, editArb), { maxLength: 16 }),
});

describeEachDialect('the absorption aggregate', (kind) => {
  const database = useTestDatabase(kind, { migrate: true });

  it('equals the shared rule over the raw records, on random histories (property)', async () => {
    const { db } = database.current;
    const at = '2024-01-01T00:00:00.000Z';
    for (const id of PROVIDERS) await db.insertInto('providers').values({ id, createdAt: at, updatedAt: at, deleted: 0, name: id, kind: 'lpk', address: '', phone: null }).execute();
    for (const id of VOCATIONS) await db.insertInto('vocations').values({ id, createdAt: at, updatedAt: at, deleted: 0, name: id }).execute();

    const officer = await signedInUser(db, 'officer');

    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        for (const table of ['statusSteps', 'reportPeople', 'followUps', 'enrollments', 'alumni', 'cohorts'] as const) await db.deleteFrom(table).execute();
        const cohorts = history.cohorts.map((c, i) =>
          aCohort({ providerId: c.provider, vocationId: c.vocation, fundingSource: c.funding, budgetYear: c.year, startDate: c.startDate, deleted: history.deletedCohort === i }),
        );
        for (const cohort of cohorts) await db.insertInto('cohorts').values(toRow(cohort)).execute();
        const people = history.people.map(() => anAlumnus());
        for (const person of people) await db.insertInto('alumni').values(toRow(person)).execute();
        const stored: Enrollment[] = [];
        for (const [i, enrollments] of history.people.entries()) {
          const seen = new Set<number>();
          for (const e of enrollments) {
            // One enrollment per person and cohort, as the schema holds.
            if (seen.has(e.cohort % cohorts.length)) continue;
            seen.add(e.cohort % cohorts.length);
            const enrollment = anEnrollment({
              alumnusId: people[i]!.id, cohortId: cohorts[e.cohort % cohorts.length]!.id,
              outcome: e.graduated ? 'graduated' : 'dropped-out', graduationDate: e.graduationDate,
              certification: e.certified ? 'competent' : 'none', certificationIssuedDate: e.certifiedDate, deleted: e.deleted,
            });
            await insertEnrollment(db, enrollment);
            stored.push(enrollment);
          }
        }
        const logged: FollowUp[] = [];
        for (const write of history.writes) {
          await db.transaction().execute(async (trx) => {
            if (write.kind === 'log') {
              const followUp = aFollowUp({
                alumnusId: people[write.person % people.length]!.id, contactedAt: write.contactedAt, createdAt: write.createdAt,
                officerId: officer.id,
                reached: write.reached, status: write.reached ? write.status : null, channel: write.selfReport ? 'self-report' : 'phone',
              });
              await insertFollowUp(trx, followUp);
              logged.push(followUp);
            } else if (write.kind === 'edit') {
              const index = write.which % stored.length;
              const edited: Enrollment = {
                ...stored[index]!, deleted: write.deleted, outcome: write.graduated ? 'graduated' : 'dropped-out',
                graduationDate: write.graduationDate, certificationIssuedDate: write.certifiedDate,
              };
              await updateEnrollmentRow(trx, edited);
              stored[index] = edited;
            } else if (logged.length > 0) {
              const followUp = logged[write.which % logged.length]!;
              await updateFollowUpRow(trx, { ...followUp, voidedAt: '2024-12-01T00:00:00.000Z', voidedBy: followUp.officerId, voidReason: 'wrong person' });
            }
          });
        }

        // A filter by one cohort too: its id is made with the history.
        for (const filter of [...FILTERS, { cohort: cohorts[0]!.id }]) {
          const records = await loadRawRecords(db, filter);
          for (const asOf of DAYS) {
            const coverage = selfReportCoverage({ ...records, asOf });
            for (const groupBy of GROUPINGS) {
              const fast = await absorptionAggregate(db, asOf, groupBy, filter);
              const rule = absorptionFigures({ ...records, asOf, groupBy });
              expect({ total: fast.total, groups: fast.groups }, `${asOf} ${groupBy.join(',')} ${JSON.stringify(filter)}`).toEqual(rule);
              expect(fast.selfReportStatuses).toBe(coverage.statuses);
            }
          }
        }
      }),
      { numRuns: 25, seed: 1906 },
    );
  }, 180_000);
});
