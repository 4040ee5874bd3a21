import { afterEach } from 'vitest';
import type { Alumnus, Cohort, FollowUp } from '../../../src/shared/schema';
import { openDb, type JejakDb } from '../../../src/client/storage/db';
import { aCohort, aFollowUp, anId } from '../../fixtures/builders';

/** A fresh, empty device database per call, deleted after the test. */
export function useLocalDbs(): () => JejakDb {
  const opened: JejakDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
  return () => {
    const db = openDb(`jejak-sync-test-${anId()}`);
    opened.push(db);
    return db;
  };
}

const T0 = '2024-01-01T00:00:00.000Z';

let serial = 0;
/** A valid NIK of a woman born 5 August 1999, unique within the test file. */
export function aNik(): string {
  serial += 1;
  return `647105450899${String(serial).padStart(4, '0')}`;
}

export function anAlumnus(overrides: Partial<Alumnus> = {}): Alumnus {
  return {
    id: anId(), createdAt: T0, updatedAt: T0, deleted: false, nik: aNik(), name: 'Siti Aminah', gender: 'female',
    birthDate: '1999-08-05', phone: null, whatsapp: '+6281234567890', address: '', kelurahan: 'Sidodadi', kecamatan: 'Samarinda Ulu',
    education: 'smk', ...overrides,
  };
}

/** Records as a pull would have left them on the device. */
export async function seedLocal(db: JejakDb, records: { alumni?: Alumnus[]; cohorts?: Cohort[]; followUps?: FollowUp[] }): Promise<void> {
  await db.alumni.bulkPut(records.alumni ?? []);
  await db.cohorts.bulkPut(records.cohorts ?? []);
  await db.followUps.bulkPut(records.followUps ?? []);
}

export { aCohort, aFollowUp, anId };

/** Arguments of a reached follow-up, as a screen would pass them. */
export function logArgs(alumnusId: string, overrides: Record<string, unknown> = {}) {
  return { id: anId(), alumnusId, contactedAt: '2024-08-30T10:00:00+08:00', channel: 'phone' as const, reached: true, status: 'seeking' as const, ...overrides };
}
