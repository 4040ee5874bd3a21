import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { insertFollowUp, updateFollowUpRow } from '../../../../src/server/db/follow-ups.repository';
import * as statusStepsMigration from '../../../../src/server/db/migrations/2026_12_06_1400_status_steps';
import * as reportPeopleMigration from '../../../../src/server/db/migrations/2026_12_06_2000_report_people';
import { toRow } from '../../../../src/server/db/rows';
import { aFollowUp, anAlumnus } from '../../../fixtures/builders';
import { describeEachDialect, useTestDatabase } from '../../databases';
import { signedInUser } from '../../sign-in';

describeEachDialect('the status-steps migration', (kind) => {
  const database = useTestDatabase(kind, { migrate: true });

  it('fills the steps the follow-up writes keep, from the follow-ups already stored', async () => {
    const { db } = database.current;
    const officer = await signedInUser(db, 'officer');
    const [ani, budi, citra] = [anAlumnus(), anAlumnus(), anAlumnus()];
    for (const person of [ani, budi, citra]) await db.insertInto('alumni').values(toRow(person)).execute();
    const wrong = aFollowUp({ alumnusId: budi.id, officerId: officer.id, contactedAt: '2024-08-01T02:00:00.000Z', reached: true, status: 'business' });
    const writes = [
      aFollowUp({ alumnusId: ani.id, officerId: officer.id, contactedAt: '2024-06-30T15:59:59.000Z', reached: false, status: null }),
      aFollowUp({ alumnusId: ani.id, officerId: officer.id, contactedAt: '2024-06-30T16:00:00.000Z', reached: true, status: 'seeking' }),
      aFollowUp({ alumnusId: ani.id, officerId: officer.id, contactedAt: '2024-09-01T02:00:00.000Z', reached: true, status: 'employed', channel: 'self-report' }),
      aFollowUp({ alumnusId: budi.id, officerId: officer.id, contactedAt: '2024-07-01T02:00:00.000Z', reached: true, status: 'seeking' }),
      wrong,
    ];
    for (const followUp of writes) await insertFollowUp(db, followUp);
    await updateFollowUpRow(db, { ...wrong, voidedAt: '2024-08-02T00:00:00.000Z', voidedBy: officer.id, voidReason: 'wrong person' });
    const steps = () => db.selectFrom('statusSteps').selectAll().orderBy('alumnusId').orderBy('onDay').execute();
    const kept = await steps();
    expect(kept).toHaveLength(4);

    // Down and up again (with the later migration that adds a column to the steps): the
    // table made afresh and filled by the migrations alone.
    const plain = db.withoutPlugins() as Kysely<unknown>;
    await reportPeopleMigration.down(plain);
    await statusStepsMigration.down(plain);
    await statusStepsMigration.up(plain);
    await reportPeopleMigration.up(plain);
    expect(await steps()).toEqual(kept);
    expect((await steps()).filter((step) => step.alumnusId === citra.id)).toEqual([]);
  });
});
