import { afterEach } from 'vitest';
import type { Alumnus, Cohort, FollowUp } from '../../../src/shared/schema';
import { openDb, type JejakDb } from '../../../src/client/storage/db';
import { aCohort, aFollowUp, aNik, anAlumnus, anId } from '../../fixtures/builders';

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

/** Records as a pull would have left them on the device. */
export async function seedLocal(db: JejakDb, records: { alumni?: Alumnus[]; cohorts?: Cohort[]; followUps?: FollowUp[] }): Promise<void> {
  await db.alumni.bulkPut(records.alumni ?? []);
  await db.cohorts.bulkPut(records.cohorts ?? []);
  await db.followUps.bulkPut(records.followUps ?? []);
}

export { aCohort, aFollowUp, aNik, anAlumnus, anId };

/** Arguments of a reached follow-up, as a screen would pass them. */
export function logArgs(alumnusId: string, overrides: Record<string, unknown> = {}) {
  return { id: anId(), alumnusId, contactedAt: '2024-08-30T10:00:00+08:00', channel: 'phone' as const, reached: true, status: 'seeking' as const, ...overrides };
}
