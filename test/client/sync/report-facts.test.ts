import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { localAbsorptionReport } from '../../../src/client/features/reports/local-absorption-report';
import { REPORT_FACTS_REBUILD, openDb } from '../../../src/client/storage/db';
import { applyPullPage } from '../../../src/client/sync/apply-pull-page';
import { INLINE_REFRESH_LIMIT } from '../../../src/client/sync/due-index';
import { mutate } from '../../../src/client/sync/mutate';
import { rebuildStaleReportFacts } from '../../../src/client/sync/report-facts';
import { absorptionFigures } from '../../../src/shared/domain/absorption';
import type { Change } from '../../../src/shared/sync/protocol';
import { anEnrollment } from '../../fixtures/builders';
import { aCohort, aFollowUp, anAlumnus, anId, logArgs, useLocalDbs } from './local-db';
import { reportFactsAgainstScratch as keptAndScratch } from './report-facts-oracle';

const freshDb = useLocalDbs();
const supervisor = { id: anId(), role: 'supervisor' as const, providerId: null };
const officer = { id: anId(), role: 'officer' as const, providerId: null };
const admin = { id: anId(), role: 'admin' as const, providerId: null };


function page(changes: Change[]) {
  return { changes, cursor: { shared: 1 }, more: false, lastMid: 0, reset: false };
}
const put = (entity: Change['entity'], record: { id: string }): Change => ({ entity, op: 'put', id: record.id, record });

/** `count` graduates of one cohort, each contacted once, as a pulled page brings them. */
function graduates(count: number) {
  const cohort = aCohort({ startDate: '2024-03-01' });
  const alumni = Array.from({ length: count }, () => anAlumnus());
  const enrollments = alumni.map((alumnus) => anEnrollment({ alumnusId: alumnus.id, cohortId: cohort.id, graduationDate: '2024-06-01' }));
  const followUps = alumni.map((alumnus) => aFollowUp({ alumnusId: alumnus.id, contactedAt: '2024-07-01T02:00:00.000Z', status: 'seeking' }));
  const changes = [put('cohorts', cohort), ...alumni.map((a) => put('alumni', a)), ...enrollments.map((e) => put('enrollments', e)), ...followUps.map((f) => put('followUps', f))];
  return { cohort, alumni, enrollments, followUps, changes };
}

describe('the report facts on a device whose user reads reports', () => {
  it('follow a pulled page, a contact logged here, a void and a withdrawn enrolment, each in its own transaction', async () => {
    const db = freshDb();
    const world = graduates(3);
    await applyPullPage(db, supervisor, page(world.changes));
    expect(await db.meta.get(REPORT_FACTS_REBUILD)).toBeUndefined();
    expect((await db.reportFacts.get(world.alumni[0]!.id))?.steps).toEqual([{ day: '2024-07-01', status: 'seeking', selfReported: false }]);

    // Logged on this device (the app offers it to officers; the facts follow whatever writes): employed from 30 August, office time.
    const [ani, budi, citra] = world.alumni.map((alumnus) => alumnus.id) as [string, string, string];
    const logged = logArgs(ani, { status: 'employed' });
    expect(await mutate(db, supervisor, 'follow-up.log', logged)).toMatchObject({ kind: 'ok' });
    expect((await db.reportFacts.get(ani))?.steps.at(-1)).toEqual({ day: '2024-08-30', status: 'employed', selfReported: false });

    // Voided by the supervisor: the step goes with it.
    expect(await mutate(db, supervisor, 'follow-up.void', { id: logged.id, reason: 'salah orang' })).toMatchObject({ kind: 'ok' });
    expect((await db.reportFacts.get(ani))?.steps).toEqual([{ day: '2024-07-01', status: 'seeking', selfReported: false }]);

    // A withdrawn enrolment was the person's only one: nothing is kept for them.
    const budisEnrollment = world.enrollments.find((e) => e.alumnusId === budi)!;
    expect(await mutate(db, admin, 'enrollment.withdraw', { id: budisEnrollment.id, reason: 'NIK salah ketik' })).toMatchObject({ kind: 'ok' });
    expect(await db.reportFacts.get(budi)).toBeUndefined();

    // A pulled self-report and a pulled deletion of a contact.
    const answer = aFollowUp({ alumnusId: citra, contactedAt: '2024-08-10T02:00:00.000Z', status: 'business', channel: 'self-report' });
    const citrasFirst = world.followUps.find((f) => f.alumnusId === citra)!;
    await applyPullPage(db, supervisor, page([put('followUps', answer), { entity: 'followUps', op: 'delete', id: citrasFirst.id }]));
    expect((await db.reportFacts.get(citra))?.steps).toEqual([{ day: '2024-08-10', status: 'business', selfReported: true }]);

    const { kept, scratch } = await keptAndScratch(db);
    expect(kept).toEqual(scratch);
    expect(await db.meta.get(REPORT_FACTS_REBUILD)).toBeUndefined();
  });

  it('are marked stale by a page of many people and computed whole once, afterwards', async () => {
    const db = freshDb();
    await applyPullPage(db, supervisor, page(graduates(INLINE_REFRESH_LIMIT + 1).changes));
    expect(await db.meta.get(REPORT_FACTS_REBUILD)).toBeDefined();
    expect(await db.reportFacts.count()).toBe(0);

    // A small write meanwhile leaves it to the rebuild rather than patching stale facts.
    await applyPullPage(db, supervisor, page(graduates(2).changes));
    expect(await db.reportFacts.count()).toBe(0);

    await Promise.all([rebuildStaleReportFacts(db), rebuildStaleReportFacts(db)]);
    expect(await db.meta.get(REPORT_FACTS_REBUILD)).toBeUndefined();
    expect(await db.reportFacts.count()).toBe(INLINE_REFRESH_LIMIT + 3);
    const { kept, scratch } = await keptAndScratch(db);
    expect(kept).toEqual(scratch);
  });
});

describe('the report facts on an officer\'s device', () => {
  it('are not kept: a write only marks them stale', async () => {
    const db = freshDb();
    const world = graduates(2);
    await applyPullPage(db, officer, page(world.changes));
    expect(await db.reportFacts.count()).toBe(0);
    expect(await db.meta.get(REPORT_FACTS_REBUILD)).toBeDefined();
  });
});

describe('JejakDb upgrade to version 6', () => {
  /** A device as version 5 of the app left it: three graduates contacted, a voided contact, a withdrawn enrolment. */
  async function deviceAtVersion5() {
    const name = `jejak-test-v5-${anId()}`;
    const old = new Dexie(name);
    old.version(5).stores({
      cohorts: 'id, providerId, vocationId, budgetYear',
      enrollments: 'id, cohortId, alumnusId, [cohortId+alumnusId]',
      followUps: 'id, alumnusId, contactedAt, [alumnusId+contactedAt]',
      meta: 'key',
    });
    const world = graduates(3);
    const enrollments = [...world.enrollments, anEnrollment({ alumnusId: anId(), cohortId: world.cohort.id, deleted: true })];
    const voided = aFollowUp({ alumnusId: world.alumni[0]!.id, contactedAt: '2024-08-01T02:00:00.000Z', status: 'employed', voidedAt: '2024-08-02T00:00:00.000Z' });
    const followUps = [...world.followUps, voided];
    await old.table('cohorts').put(world.cohort);
    await old.table('enrollments').bulkPut(enrollments);
    await old.table('followUps').bulkPut(followUps);
    old.close();
    return { name, cohorts: [world.cohort], enrollments, followUps };
  }

  it('marks the report facts to be computed, which fills them from the enrolments and follow-ups already on the device', async () => {
    const upgraded = openDb((await deviceAtVersion5()).name);
    try {
      expect(await upgraded.meta.get(REPORT_FACTS_REBUILD)).toBeDefined();
      await rebuildStaleReportFacts(upgraded);
      expect(await upgraded.meta.get(REPORT_FACTS_REBUILD)).toBeUndefined();
      const { kept, scratch } = await keptAndScratch(upgraded);
      expect(kept).toHaveLength(3);
      expect(kept).toEqual(scratch);
    } finally {
      await upgraded.delete();
    }
  });

  it('leaves the offline report to compute them first, with the figures of the rule over every contact', async () => {
    const { name, ...records } = await deviceAtVersion5();
    const upgraded = openDb(name);
    try {
      const { report } = await localAbsorptionReport(upgraded, '2024-08-31', ['cohort']);
      const rule = absorptionFigures({ ...records, asOf: '2024-08-31', groupBy: ['cohort'] });
      expect(report.total).toEqual(rule.total);
      expect(report.total.seeking).toBe(3);
      expect(report.groups.map(({ names: _names, ...group }) => group)).toEqual(rule.groups);
    } finally {
      await upgraded.delete();
    }
  });
});
