import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import type { Alumnus, Provider, User, Vocation } from '../../src/shared/schema';
import { DB_SCHEMA_VERSION, openDb, type JejakDb, type OutboxEntry } from '../../src/client/storage/db';
import { aCohort, aFollowUp, anEnrollment, anId } from '../fixtures/builders';

const AT = '2024-08-31T01:00:00.000Z';

function aProvider(): Provider {
  return { id: anId(), createdAt: AT, updatedAt: AT, deleted: false, name: 'LPK Maju Jaya', kind: 'lpk', address: 'Jl. Merdeka 1', phone: '+6281234567890' };
}
function aVocation(): Vocation {
  return { id: anId(), createdAt: AT, updatedAt: AT, deleted: false, name: 'Barbershop' };
}
function anAlumnus(overrides: Partial<Alumnus> = {}): Alumnus {
  return {
    id: anId(), createdAt: AT, updatedAt: AT, deleted: false,
    nik: '6471054508990001', name: 'Siti Aminah', gender: 'female', birthDate: '1999-08-05',
    phone: null, whatsapp: '+6281234567890', address: '', kelurahan: 'Sidodadi', kecamatan: 'Samarinda Ulu',
    education: 'smk', birthPlace: '', email: '', regency: '', province: '',
    ...overrides,
  };
}
function aUser(): User {
  return { id: anId(), createdAt: AT, updatedAt: AT, username: 'petugas.satu', displayName: 'Petugas Satu', role: 'officer', providerId: null, active: true };
}

let db: JejakDb | undefined;
let counter = 0;
async function freshDb(): Promise<JejakDb> {
  counter += 1;
  db = openDb(`jejak-test-${counter}-${Date.now()}`);
  await db.open();
  return db;
}

afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('JejakDb', () => {
  it('opens at the current schema version with every table', async () => {
    const opened = await freshDb();
    expect(opened.verno).toBe(DB_SCHEMA_VERSION);
    expect(opened.tables.map((table) => table.name).sort()).toEqual(
      ['alumni', 'areaPlaces', 'cohorts', 'dueIndex', 'enrollments', 'followUps', 'meta', 'outbox', 'providers', 'reportFacts', 'selfReportLinks', 'users', 'vocations'],
    );
  });

  it('reads back a row written to each entity table', async () => {
    const opened = await freshDb();
    const provider = aProvider();
    const vocation = aVocation();
    const cohort = aCohort({ providerId: provider.id, vocationId: vocation.id });
    const alumnus = anAlumnus();
    const enrollment = anEnrollment({ cohortId: cohort.id, alumnusId: alumnus.id });
    const user = aUser();
    const followUp = aFollowUp({ alumnusId: alumnus.id, officerId: user.id });

    await opened.providers.put(provider);
    await opened.vocations.put(vocation);
    await opened.cohorts.put(cohort);
    await opened.alumni.put(alumnus);
    await opened.enrollments.put(enrollment);
    await opened.users.put(user);
    await opened.followUps.put(followUp);

    expect(await opened.providers.get(provider.id)).toEqual(provider);
    expect(await opened.vocations.get(vocation.id)).toEqual(vocation);
    expect(await opened.cohorts.get(cohort.id)).toEqual(cohort);
    expect(await opened.alumni.get(alumnus.id)).toEqual(alumnus);
    expect(await opened.enrollments.get(enrollment.id)).toEqual(enrollment);
    expect(await opened.users.get(user.id)).toEqual(user);
    expect(await opened.followUps.get(followUp.id)).toEqual(followUp);
  });

  it('answers the queries the app makes by index', async () => {
    const opened = await freshDb();
    const cohort = aCohort();
    const alumnus = anAlumnus();
    const enrollment = anEnrollment({ cohortId: cohort.id, alumnusId: alumnus.id });
    const early = aFollowUp({ alumnusId: alumnus.id, contactedAt: '2024-05-01T02:00:00.000Z' });
    const late = aFollowUp({ alumnusId: alumnus.id, contactedAt: '2024-09-01T02:00:00.000Z' });
    await opened.cohorts.bulkPut([cohort, aCohort({ providerId: anId() })]);
    await opened.alumni.put(alumnus);
    await opened.enrollments.put(enrollment);
    await opened.followUps.bulkPut([late, early, aFollowUp()]);

    expect(await opened.cohorts.where('providerId').equals(cohort.providerId).primaryKeys()).toEqual([cohort.id]);
    expect((await opened.alumni.where('nik').equals(alumnus.nik).first())?.id).toBe(alumnus.id);
    expect(await opened.enrollments.where('[cohortId+alumnusId]').equals([cohort.id, alumnus.id]).primaryKeys()).toEqual([enrollment.id]);
    expect(await opened.enrollments.where('alumnusId').equals(alumnus.id).primaryKeys()).toEqual([enrollment.id]);
    expect((await opened.followUps.where('alumnusId').equals(alumnus.id).sortBy('contactedAt')).map((f) => f.id)).toEqual([early.id, late.id]);
  });

  it('keeps every row and queued change through the upgrade that drops the indexes no query reads', async () => {
    const name = `jejak-test-v6-${anId()}`;
    const old = new Dexie(name);
    old.version(6).stores({
      cohorts: 'id, providerId, vocationId, budgetYear',
      alumni: 'id, &nik, name, kecamatan',
      followUps: 'id, alumnusId, contactedAt, [alumnusId+contactedAt]',
      dueIndex: 'alumnusId, dueDate, [dueDate+sortName]',
      outbox: 'mid, createdAt, status',
      meta: 'key',
    });
    const alumnus = anAlumnus();
    const followUp = aFollowUp({ alumnusId: alumnus.id });
    const queued: OutboxEntry = { mid: 1, clientId: anId(), name: 'follow-up.log', version: 1, args: { id: followUp.id }, hlc: '', createdAt: AT, status: 'pending', rejection: null };
    await old.table('alumni').put(alumnus);
    await old.table('followUps').put(followUp);
    await old.table('outbox').put(queued);
    old.close();

    db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DB_SCHEMA_VERSION);
    expect(db.alumni.schema.indexes.map((index) => index.name)).toEqual(['nik']);
    expect(db.followUps.schema.indexes.map((index) => index.name)).toEqual(['alumnusId']);
    expect(await db.alumni.where('nik').equals(alumnus.nik).primaryKeys()).toEqual([alumnus.id]);
    expect(await db.followUps.where('alumnusId').equals(alumnus.id).toArray()).toEqual([followUp]);
    expect(await db.outbox.where('status').equals('pending').toArray()).toEqual([queued]);
  });

  it('refuses a second alumnus with the same NIK', async () => {
    const opened = await freshDb();
    await opened.alumni.put(anAlumnus());
    await expect(opened.alumni.put(anAlumnus())).rejects.toMatchObject({ name: 'ConstraintError' });
  });

  it('keeps outbox entries in mid order and meta values by key', async () => {
    const opened = await freshDb();
    const entry = (mid: number): OutboxEntry => ({
      mid, clientId: 'client-1', name: 'logFollowUp', version: 1, args: { id: anId() },
      hlc: `0000000000001:0000:${mid}`, createdAt: AT, status: 'pending', rejection: null,
    });
    await opened.outbox.bulkAdd([entry(2), entry(1), entry(3)]);
    expect(await opened.outbox.toCollection().primaryKeys()).toEqual([1, 2, 3]);
    await expect(opened.outbox.add(entry(2))).rejects.toMatchObject({ name: 'ConstraintError' });

    await opened.meta.put({ key: 'cursor', value: { shared: 4, 'provider:1': 9 } });
    expect(await opened.meta.get('cursor')).toEqual({ key: 'cursor', value: { shared: 4, 'provider:1': 9 } });
  });
});

describe('JejakDb upgrade to version 4', () => {
  it('gives alumni stored before it an empty place of birth, email, kabupaten/kota and provinsi', async () => {
    const name = `jejak-test-v3-${Date.now()}`;
    const old = new Dexie(name);
    old.version(3).stores({ alumni: 'id, &nik, name, kecamatan' });
    const { birthPlace: _place, email: _email, regency: _regency, province: _province, ...before } = anAlumnus();
    await old.table('alumni').put(before);
    old.close();

    const upgraded = openDb(name);
    try {
      expect(await upgraded.alumni.get(before.id)).toEqual({ ...before, birthPlace: '', email: '', regency: '', province: '' });
    } finally {
      await upgraded.delete();
    }
  });
});
