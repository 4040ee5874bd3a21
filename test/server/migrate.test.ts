import { expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrate';
import { migrations } from '../../src/server/db/migrations/index';
import { describeEachDialect, useTestDatabase } from './databases';

const TABLES = [
  'providers', 'vocations', 'cohorts', 'alumni', 'enrollments', 'follow_ups', 'users',
  'sessions', 'login_attempts', 'scope_versions', 'clients', 'change_log', 'mutation_results',
  'audit_log', 'field_clocks', 'field_history', 'app_meta',
];

describeEachDialect('migrations', (kind) => {
  const database = useTestDatabase(kind, { migrate: false });

  it('create every table on a fresh database, and a second run is a no-op', async () => {
    const { db } = database.current;
    expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));

    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(TABLES));
    const followUps = tables.find((t) => t.name === 'follow_ups');
    expect(followUps?.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['alumnus_id', 'contacted_at', 'gps_lat', 'next_follow_up_date', 'void_reason', 'version']),
    );

    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('store booleans as 0/1 and read bigint versions as numbers', async () => {
    const { db } = database.current;
    await migrateToLatest(db);
    await db.insertInto('providers').values({
      id: 'p1', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
      deleted: 1, name: 'LPK Maju', kind: 'lpk', address: '', phone: null, version: 41,
    }).execute();
    await db.insertInto('scopeVersions').values({ scope: 'shared', version: 2 ** 40 }).execute();

    const provider = await db.selectFrom('providers').selectAll().executeTakeFirstOrThrow();
    expect(provider).toMatchObject({ deleted: 1, version: 41, createdAt: '2024-01-01T00:00:00.000Z' });
    const scope = await db.selectFrom('scopeVersions').selectAll().executeTakeFirstOrThrow();
    expect(scope.version).toBe(2 ** 40);
  });

  it('enforce unique NIKs and foreign keys', async () => {
    const { db } = database.current;
    await migrateToLatest(db);
    const alumnus = {
      id: 'a1', createdAt: 't', updatedAt: 't', deleted: 0, nik: '6472010101900001', name: 'Budi',
      gender: 'male', birthDate: '1990-01-01', phone: null, whatsapp: null, address: '',
      kelurahan: '', kecamatan: '', education: 'sma', birthPlace: '', email: '', regency: '', province: '',
    } as const;
    await db.insertInto('alumni').values(alumnus).execute();
    await expect(db.insertInto('alumni').values({ ...alumnus, id: 'a2' }).execute()).rejects.toThrow(/unique/i);
    await expect(
      db.insertInto('enrollments').values({
        id: 'e1', createdAt: 't', updatedAt: 't', deleted: 0, cohortId: 'no-such-cohort', alumnusId: 'a1',
        outcome: 'enrolled', graduationDate: null, certification: 'none', certificationScheduledDate: null,
        certificationIssuedDate: null, certificateNumber: '',
      }).execute(),
    ).rejects.toThrow(/foreign key/i);
  });
});
