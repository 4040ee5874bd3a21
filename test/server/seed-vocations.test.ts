import * as v from 'valibot';
import { expect, it } from 'vitest';
import { seedVocationCatalogue } from '../../src/server/catalog/seed-vocations';
import { VOCATION_CATALOGUE } from '../../src/server/catalog/vocation-catalogue';
import { NewVocationSchema } from '../../src/shared/api/catalog.api';
import { describeEachDialect, useTestDatabase } from './databases';

const NOW = new Date('2026-12-05T02:00:00.000Z');

it('the catalogue names are distinct and each is a valid vocation name', () => {
  expect(new Set(VOCATION_CATALOGUE.map((name) => name.toLowerCase())).size).toBe(VOCATION_CATALOGUE.length);
  expect(VOCATION_CATALOGUE.length).toBeGreaterThanOrEqual(30);
  for (const name of VOCATION_CATALOGUE) expect(v.safeParse(NewVocationSchema, { name }).success, name).toBe(true);
});

describeEachDialect('seedVocationCatalogue', (kind) => {
  const database = useTestDatabase(kind);

  it('fills an empty vocations table once, audited as system and in the shared change feed', async () => {
    const { db } = database.current;
    expect(await seedVocationCatalogue(db, NOW)).toBe(VOCATION_CATALOGUE.length);
    expect(await seedVocationCatalogue(db, NOW)).toBe(0);

    const names = (await db.selectFrom('vocations').select('name').where('deleted', '=', 0).execute()).map((row) => row.name);
    expect(names.sort()).toEqual([...VOCATION_CATALOGUE].sort());
    const feed = await db.selectFrom('changeLog').select(({ fn }) => fn.countAll<number>().as('n')).where('scope', '=', 'shared').where('entity', '=', 'vocations').executeTakeFirstOrThrow();
    expect(Number(feed.n)).toBe(VOCATION_CATALOGUE.length);
    const audit = await db.selectFrom('auditLog').select(['userId', 'mutation']).distinct().execute();
    expect(audit).toEqual([{ userId: 'system', mutation: 'vocation.create' }]);
  });

  it('leaves an office alone that has vocations, even deactivated ones', async () => {
    const { db } = database.current;
    await db.insertInto('vocations').values({ id: '5b0f3c1e-8a55-4d8e-9f0e-6b2b7f1c2d3e', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), deleted: 1, name: 'Las' }).execute();
    expect(await seedVocationCatalogue(db, NOW)).toBe(0);
    expect(await db.selectFrom('vocations').select('name').execute()).toEqual([{ name: 'Las' }]);
  });
});
