import type { Kysely } from 'kysely';
import { createApp } from '../../../src/server/app';
import type { DatabaseKind } from '../../../src/server/db/database';
import { toRow } from '../../../src/server/db/rows';
import type { Database } from '../../../src/server/db/schema';
import type { Alumnus, Cohort, Enrollment, FollowUp } from '../../../src/shared/schema';
import { insertEnrollment } from '../../../src/server/db/enrollments.repository';
import { insertFollowUp } from '../../../src/server/db/follow-ups.repository';
import { aCohort, aFollowUp, anEnrollment, anId } from '../../fixtures/builders';

/**
 * Records written straight into the database, so each test states only what it is about
 * and does not depend on the write routes it may be testing.
 */

const T0 = '2024-01-01T00:00:00.000Z';
export const NOW = new Date('2024-08-31T09:00:00.000Z');

let serial = 0;

/** A valid NIK of a man born 1 January 1990, unique within the test file (the serial, last 4 digits). */
export function aNik(): string {
  serial += 1;
  return `647201010190${String(serial % 10_000).padStart(4, '0')}`;
}

export function anAlumnus(overrides: Partial<Alumnus> = {}): Alumnus {
  return {
    id: anId(), createdAt: T0, updatedAt: T0, deleted: false, nik: aNik(), name: 'Budi Santoso', gender: 'male',
    birthDate: '1990-01-01', phone: null, whatsapp: null, address: '', kelurahan: '', kecamatan: '', education: 'sma',
    birthPlace: '', email: '', regency: '', province: '', ...overrides,
  };
}

export async function seedVocation(db: Kysely<Database>, name = 'Barbershop'): Promise<string> {
  const id = anId();
  await db.insertInto('vocations').values({ id, createdAt: T0, updatedAt: T0, deleted: 0, name }).execute();
  return id;
}

export async function seedCohort(db: Kysely<Database>, overrides: Partial<Cohort> & Pick<Cohort, 'providerId' | 'vocationId'>): Promise<Cohort> {
  const cohort = aCohort(overrides);
  await db.insertInto('cohorts').values(toRow(cohort)).execute();
  return cohort;
}

export async function seedAlumnus(db: Kysely<Database>, overrides: Partial<Alumnus> = {}): Promise<Alumnus> {
  const alumnus = anAlumnus(overrides);
  await db.insertInto('alumni').values(toRow(alumnus)).execute();
  return alumnus;
}

export async function seedEnrollment(db: Kysely<Database>, overrides: Partial<Enrollment> & Pick<Enrollment, 'cohortId' | 'alumnusId'>): Promise<Enrollment> {
  const enrollment = anEnrollment(overrides);
  // Through the repository, which keeps the person's report row (the report reads it).
  await insertEnrollment(db, enrollment);
  return enrollment;
}

export async function seedFollowUp(db: Kysely<Database>, overrides: Partial<FollowUp> & Pick<FollowUp, 'alumnusId' | 'officerId'>): Promise<FollowUp> {
  const followUp = aFollowUp(overrides);
  // Through the repository, which keeps the person's status steps (the report reads those).
  await insertFollowUp(db, followUp);
  return followUp;
}

export type Reply<T> = { status: number; body: T };
export type ErrorReply = { error: { code: string; message: string; details?: unknown } };

/** The real app at a fixed time, and a JSON request helper signed in by `cookie` (none: ''). */
export function dataApi(db: Kysely<Database>, kind: DatabaseKind, now: Date = NOW) {
  const app = createApp({ db, dbKind: kind, version: 'test', clock: () => now });
  async function send<T = ErrorReply>(method: string, path: string, cookie: string, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = cookie === '' ? {} : { cookie };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }
  return { app, send };
}

/** The audit rows of one record, oldest first, with before/after parsed. */
export async function auditOf(db: Kysely<Database>, entityId: string) {
  const rows = await db.selectFrom('auditLog').selectAll().where('entityId', '=', entityId).orderBy('at').orderBy('id').execute();
  return rows.map((row) => ({
    mutation: row.mutation,
    entity: row.entity,
    userId: row.userId,
    before: row.beforeJson === null ? null : (JSON.parse(row.beforeJson) as Record<string, unknown>),
    after: row.afterJson === null ? null : (JSON.parse(row.afterJson) as Record<string, unknown>),
  }));
}
