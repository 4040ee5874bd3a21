import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { insertEnrollment, updateEnrollmentRow } from '../../../../src/server/db/enrollments.repository';
import { insertFollowUp } from '../../../../src/server/db/follow-ups.repository';
import * as reportPeopleMigration from '../../../../src/server/db/migrations/2026_12_06_2000_report_people';
import { toRow } from '../../../../src/server/db/rows';
import { aCohort, aFollowUp, anAlumnus, anEnrollment } from '../../../fixtures/builders';
import { describeEachDialect, useTestDatabase } from '../../databases';
import { signedInUser } from '../../sign-in';

describeEachDialect('the report-people migration', (kind) => {
  const database = useTestDatabase(kind, { migrate: true });

  it('fills the rows the enrolment and follow-up writes keep, from the rows already stored', async () => {
    const { db } = database.current;
    const officer = await signedInUser(db, 'officer');
    const at = '2024-01-01T00:00:00.000Z';
    await db.insertInto('providers').values({ id: 'prov-a', createdAt: at, updatedAt: at, deleted: 0, name: 'LPK A', kind: 'lpk', address: '', phone: null }).execute();
    await db.insertInto('vocations').values({ id: 'voc-a', createdAt: at, updatedAt: at, deleted: 0, name: 'Barbershop' }).execute();
    const [first, second] = [aCohort({ providerId: 'prov-a', vocationId: 'voc-a' }), aCohort({ providerId: 'prov-a', vocationId: 'voc-a' })];
    for (const cohort of [first, second]) await db.insertInto('cohorts').values(toRow(cohort)).execute();
    const [ani, budi, citra, dewi] = [anAlumnus(), anAlumnus(), anAlumnus(), anAlumnus()];
    for (const person of [ani, budi, citra, dewi]) await db.insertInto('alumni').values(toRow(person)).execute();
    // Ani: one enrolment, graduated undated, certified on a day. Budi: two. Citra: one left after a withdrawal. Dewi: none live.
    await insertEnrollment(db, anEnrollment({ cohortId: first.id, alumnusId: ani.id, outcome: 'graduated', graduationDate: null, certification: 'competent', certificationIssuedDate: '2024-09-02' }));
    await insertEnrollment(db, anEnrollment({ cohortId: first.id, alumnusId: budi.id }));
    await insertEnrollment(db, anEnrollment({ cohortId: second.id, alumnusId: budi.id }));
    const withdrawn = anEnrollment({ cohortId: first.id, alumnusId: citra.id });
    await insertEnrollment(db, withdrawn);
    await insertEnrollment(db, anEnrollment({ cohortId: second.id, alumnusId: citra.id, outcome: 'graduated', graduationDate: '2024-07-01', certification: 'none' }));
    await updateEnrollmentRow(db, { ...withdrawn, deleted: true });
    await insertEnrollment(db, anEnrollment({ cohortId: first.id, alumnusId: dewi.id, deleted: true }));
    for (const [contactedAt, status] of [['2024-06-30T16:00:00.000Z', 'seeking'], ['2024-09-01T02:00:00.000Z', 'employed'], ['2024-10-01T02:00:00.000Z', 'business']] as const) {
      await insertFollowUp(db, aFollowUp({ alumnusId: ani.id, officerId: officer.id, contactedAt, reached: true, status }));
    }
    const people = () => db.selectFrom('reportPeople').selectAll().orderBy('alumnusId').execute();
    const steps = () => db.selectFrom('statusSteps').select(['alumnusId', 'onDay', 'untilDay']).orderBy('alumnusId').orderBy('onDay').execute();
    const kept = { people: await people(), steps: await steps() };
    expect(kept.people).toEqual(
      [
        { alumnusId: ani.id, soleCohortId: first.id, graduatedFrom: '', certifiedFrom: '2024-09-02' },
        { alumnusId: budi.id, soleCohortId: null, graduatedFrom: null, certifiedFrom: null },
        { alumnusId: citra.id, soleCohortId: second.id, graduatedFrom: '2024-07-01', certifiedFrom: null },
      ].sort((a, b) => (a.alumnusId < b.alumnusId ? -1 : 1)),
    );
    expect(kept.steps).toEqual([
      { alumnusId: ani.id, onDay: '2024-07-01', untilDay: '2024-09-01' },
      { alumnusId: ani.id, onDay: '2024-09-01', untilDay: '2024-10-01' },
      { alumnusId: ani.id, onDay: '2024-10-01', untilDay: null },
    ]);

    // Down and up again: the table and the column made afresh and filled by the migration alone.
    const plain = db.withoutPlugins() as Kysely<unknown>;
    await reportPeopleMigration.down(plain);
    await reportPeopleMigration.up(plain);
    expect({ people: await people(), steps: await steps() }).toEqual(kept);
  });
});
