import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { exportDatabase } from '../../../src/server/export/export-database';
import { anId } from '../../fixtures/builders';
import { describeEachDialect, useTestDatabase } from '../databases';

const AT = '2024-08-01T00:00:00.000Z';

describeEachDialect('exportDatabase', (kind) => {
  const database = useTestDatabase(kind);

  async function vocations(...names: string[]): Promise<string[]> {
    const ids = names.map(() => anId());
    await database.current.db
      .insertInto('vocations')
      .values(names.map((name, i) => ({ id: ids[i]!, createdAt: AT, updatedAt: AT, deleted: 0, name })))
      .execute();
    return ids;
  }

  it('reads what the app has written, as rows of values in the select order and through Kysely', async () => {
    const { db } = database.current;
    const [las, jahit] = await vocations('Las', 'Menjahit');
    const reader = await exportDatabase(db);
    try {
      const rows = await reader.valueRows(sql`select name, id, deleted from vocations order by name`.compile(db.withoutPlugins()));
      expect(rows).toEqual([['Las', las, 0], ['Menjahit', jahit, 0]]);
      // Kysely's handle maps names as the app's does.
      expect(await reader.db.selectFrom('vocations').select(['createdAt']).where('id', '=', las!).executeTakeFirst()).toEqual({ createdAt: AT });
    } finally {
      await reader.close();
    }
    // The app's own handle is untouched by the export's end.
    expect(await db.selectFrom('vocations').select('name').orderBy('name').execute()).toHaveLength(2);
  });

  if (kind === 'sqlite') {
    it('reads on a connection of its own: read-only, closed by close, never reopened', async () => {
      const { db } = database.current;
      await vocations('Las');
      const reader = await exportDatabase(db);
      const query = sql`select name from vocations`.compile(db.withoutPlugins());
      expect(await reader.valueRows(query)).toEqual([['Las']]);
      await expect(reader.db.insertInto('vocations').values({ id: anId(), createdAt: AT, updatedAt: AT, deleted: 0, name: 'Tata rias' }).execute())
        .rejects.toThrow(/readonly/i);
      await reader.close();
      await expect(reader.valueRows(query)).rejects.toThrow();
      await expect(reader.db.selectFrom('vocations').select('name').execute()).rejects.toThrow();
      // Still there for the app: a second connection, not the app's, was closed.
      expect(await db.selectFrom('vocations').select('name').execute()).toEqual([{ name: 'Las' }]);
    });
  }
});
