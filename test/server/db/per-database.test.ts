import { expect, it } from 'vitest';
import { perDatabase } from '../../../src/server/db/per-database';
import { describeEachDialect, useTestDatabase } from '../databases';

describeEachDialect('a value kept per database', (kind) => {
  const database = useTestDatabase(kind);

  it('is made once for a database and its transactions, and again for a handle with other plugins', async () => {
    const { db } = database.current;
    let made = 0;
    const value = perDatabase(() => ({ made: (made += 1) }));
    const first = value(db);
    expect(value(db)).toBe(first);
    expect(await db.transaction().execute((trx) => Promise.resolve(value(trx)))).toBe(first);
    const withoutPlugins = value(db.withoutPlugins());
    expect(withoutPlugins).not.toBe(first);
    expect(value(db)).not.toBe(withoutPlugins);
    expect(made).toBe(3);
  });
});
