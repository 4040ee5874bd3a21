import { expect, it } from 'vitest';
import { compiledOnce } from '../../../src/server/db/compiled-once';
import { describeEachDialect, useTestDatabase } from '../databases';
import { seedWorld } from '../data/world';

describeEachDialect('a query compiled once', (kind) => {
  const database = useTestDatabase(kind);

  const providersOf = compiledOnce((db, { alumnusId }: { alumnusId: string }) =>
    db
      .selectFrom('enrollments')
      .innerJoin('cohorts', 'cohorts.id', 'enrollments.cohortId')
      .select('cohorts.providerId')
      .where('enrollments.deleted', '=', 0) // a constant: kept as compiled
      .where('enrollments.alumnusId', '=', alumnusId)
      .orderBy('cohorts.providerId'),
  );

  it('answers each call with its own values, as the query built anew would, in and out of a transaction', async () => {
    const { db } = database.current;
    const world = await seedWorld(db);
    const built = async (alumnusId: string) =>
      (await db.selectFrom('enrollments').innerJoin('cohorts', 'cohorts.id', 'enrollments.cohortId').select('cohorts.providerId')
        .where('enrollments.deleted', '=', 0).where('enrollments.alumnusId', '=', alumnusId).orderBy('cohorts.providerId').execute());

    for (const alumnus of [world.aOnly, world.bOnly, world.shared]) {
      expect((await providersOf(db, { alumnusId: alumnus.id })).rows).toEqual(await built(alumnus.id));
    }
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('enrollments').set({ deleted: 1 }).where('id', '=', world.enrollments.sharedB.id).execute();
      expect((await providersOf(trx, { alumnusId: world.shared.id })).rows).toEqual([{ providerId: world.providerA }]);
      expect((await providersOf(trx, { alumnusId: world.bOnly.id })).rows).toEqual([{ providerId: world.providerB }]);
    });
  });

  it('inserts rows, compiling a statement per order of columns', async () => {
    const { db } = database.current;
    type Vocation = { id: string; name: string; createdAt: string; updatedAt: string; deleted: number };
    const insertVocation = compiledOnce((db, row: Vocation) => db.insertInto('vocations').values(row));
    const at = '2024-08-30T02:00:00.000Z';
    await insertVocation(db, { id: '00000000-0000-4000-8000-000000000001', name: 'Las', createdAt: at, updatedAt: at, deleted: 0 });
    // The same columns in another order: another statement, its values in their places.
    await insertVocation(db, { deleted: 1, name: 'Jahit', id: '00000000-0000-4000-8000-000000000002', updatedAt: at, createdAt: at });
    await insertVocation(db, { id: '00000000-0000-4000-8000-000000000003', name: 'Kopi', createdAt: at, updatedAt: at, deleted: 0 });
    const rows = await db.selectFrom('vocations').select(['name', 'deleted']).orderBy('id').execute();
    expect(rows.map((row) => [row.name, Number(row.deleted)])).toEqual([['Las', 0], ['Jahit', 1], ['Kopi', 0]]);
  });

  it('refuses a value that never reaches the query, and an undefined value', async () => {
    const { db } = database.current;
    const shaped = compiledOnce((db, { id }: { id: string; unused: string }) => db.selectFrom('vocations').select('id').where('id', '=', id));
    await expect(shaped(db, { id: 'x', unused: 'y' })).rejects.toThrow(/unused never reached the query/);
    await expect(providersOf(db, { alumnusId: undefined as unknown as string })).rejects.toThrow(/alumnusId is undefined/);
  });
});
