import type { CompiledQuery, Kysely } from 'kysely';
import { expect, it, vi } from 'vitest';
import { multiRowInsert } from '../../../src/server/db/multi-row-insert';
import type { Database } from '../../../src/server/db/schema';
import { describeEachDialect, useTestDatabase } from '../databases';

type ChangeRow = Database['changeLog'];

const COLUMNS = ['scope', 'version', 'entity', 'entityId', 'op', 'changedAt'] as const;

/** The upsert as Kysely builds it anew each time. */
const built = (db: Kysely<Database>, rows: ChangeRow[]) =>
  db
    .insertInto('changeLog')
    .values(rows)
    .onConflict((oc) => oc.columns(['scope', 'entity', 'entityId']).doUpdateSet((eb) => ({ version: eb.ref('excluded.version'), op: eb.ref('excluded.op') })));

const aRow = (i: number, version = i): ChangeRow => ({
  scope: i % 2 === 0 ? 'provider:a' : 'provider:b', version, entity: 'alumni', entityId: `alumnus-${i}`, op: i % 3 === 0 ? 'delete' : 'put', changedAt: '2026-12-06T03:00:00.000Z',
});

describeEachDialect('a multi-row insert compiled once', (kind) => {
  const database = useTestDatabase(kind);

  it('runs the SQL and values Kysely would build, chunk by chunk, in and out of a transaction', async () => {
    const { db } = database.current;
    const upsert = multiRowInsert(COLUMNS, 4, built);
    const rows = Array.from({ length: 11 }, (_, i) => aRow(i));
    const run = vi.spyOn(db, 'executeQuery');
    await upsert(db, rows);
    const sent = run.mock.calls.map(([query]) => query as CompiledQuery);
    run.mockRestore();
    // Chunks of 4, 4 and 3 rows, each as Kysely compiles it.
    expect(sent.map(({ sql, parameters }) => ({ sql, parameters }))).toEqual(
      [rows.slice(0, 4), rows.slice(4, 8), rows.slice(8)].map((chunk) => {
        const { sql, parameters } = built(db, chunk).compile();
        return { sql, parameters };
      }),
    );

    // A transaction reuses the statements its database compiled; the upsert keeps the latest row.
    await db.transaction().execute(async (trx) => upsert(trx, [aRow(1, 41), aRow(2, 42), aRow(11, 47)]));
    const stored = await db.selectFrom('changeLog').select(COLUMNS).orderBy('entityId').execute();
    const expected = [...rows.filter((_, i) => i !== 1 && i !== 2), aRow(1, 41), aRow(2, 42), aRow(11, 47)].sort((a, b) => a.entityId.localeCompare(b.entityId));
    expect(stored.map((row) => ({ ...row, version: Number(row.version) }))).toEqual(expected);
  });

  it('writes nothing for no rows, and refuses an undefined value or a statement that binds anything else', async () => {
    const { db } = database.current;
    await multiRowInsert(COLUMNS, 3, built)(db, []);
    await expect(multiRowInsert(COLUMNS, 3, built)(db, [{ ...aRow(1), op: undefined as unknown as 'put' }])).rejects.toThrow(/op is undefined/);
    const withConstant = multiRowInsert(COLUMNS, 3, (db, rows: ChangeRow[]) => db.insertInto('changeLog').values(rows.map((row) => ({ ...row, op: 'put' as const }))));
    await expect(withConstant(db, [aRow(1)])).rejects.toThrow(/must bind the rows' scope, version, entity, entityId, op, changedAt in order/);
    expect(await db.selectFrom('changeLog').select('entityId').execute()).toEqual([]);
  });
});
