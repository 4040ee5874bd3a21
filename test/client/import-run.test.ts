import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport, type ReadyRow } from '../../src/client/features/import/run-import';
import { openDb, type JejakDb } from '../../src/client/storage/db';
import { mutateBatch } from '../../src/client/sync/mutate';
import type { Actor } from '../../src/client/sync/local-appliers';
import { aCohort, anAlumnus, anEnrollment, anId } from '../fixtures/builders';

/** runImport over a real device database (fake-indexeddb) and the real mutation layer. */
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

function person(serial: number): ReadyRow['person'] {
  return {
    nik: `647401170801${String(serial).padStart(4, '0')}`, name: `Peserta ${serial}`, gender: 'male', birthDate: '2001-08-17',
    phone: null, whatsapp: null, address: '', kelurahan: '', kecamatan: '', education: 'sma',
    birthPlace: '', email: '', regency: '', province: '',
  };
}

async function device(): Promise<{ db: JejakDb; actor: Actor; cohortId: string }> {
  const name = `import-run-${anId()}`;
  names.push(name);
  const db = openDb(name);
  const providerId = anId();
  const cohort = aCohort({ providerId });
  await db.cohorts.put(cohort);
  return { db, actor: { id: anId(), role: 'provider-staff', providerId }, cohortId: cohort.id };
}

describe('running an import', () => {
  it('imports in chunks of 200, reporting progress after each', async () => {
    const { db, actor, cohortId } = await device();
    const rows = Array.from({ length: 201 }, (_, index) => ({ number: index + 2, person: person(index + 1) }));
    const progress: number[] = [];
    const outcome = await runImport({ db, cohortId, rows, mutateBatch: (items) => mutateBatch(db, actor, items), onProgress: (done) => progress.push(done) });
    expect(outcome).toEqual({ imported: 201, refused: [] });
    expect(progress).toEqual([200, 201]);
    expect(await db.enrollments.where('cohortId').equals(cohortId).count()).toBe(201);
    expect(await db.outbox.count()).toBe(201);
  }, 20_000);

  it('enrols a person this device knows under their own id, and sets aside one enrolled meanwhile without losing the rest of the chunk', async () => {
    const { db, actor, cohortId } = await device();
    const known = anAlumnus({ nik: person(1).nik });
    const enrolledMeanwhile = anAlumnus({ nik: person(2).nik });
    await db.alumni.bulkPut([known, enrolledMeanwhile]);
    await db.enrollments.put(anEnrollment({ cohortId, alumnusId: enrolledMeanwhile.id }));

    const rows = [1, 2, 3].map((serial) => ({ number: serial + 1, person: person(serial) }));
    const outcome = await runImport({ db, cohortId, rows, mutateBatch: (items) => mutateBatch(db, actor, items), onProgress: () => undefined });
    expect(outcome).toEqual({ imported: 2, refused: [{ number: 3, code: 'already-enrolled' }] });
    const enrolled = await db.enrollments.where('cohortId').equals(cohortId).toArray();
    expect(enrolled.map((enrollment) => enrollment.alumnusId)).toContain(known.id);
    expect(await db.alumni.count()).toBe(3);
    expect((await db.outbox.toArray()).map((entry) => (entry.args as { alumnus: { nik: string } }).alumnus.nik)).toEqual([person(1).nik, person(3).nik]);
  }, 20_000);
});
