import type { Kysely } from 'kysely';
import type { CohortEnrollment } from '../../shared/api/cohorts.api';
import type { Enrollment } from '../../shared/schema';
import type { ProviderScope } from '../access/scope';
import { refreshReportPeople } from './report-people.repository';
import { BOOLEAN_FIELDS, fromRow, toRow } from './rows';
import type { Database } from './schema';

export const ENROLLMENT_FIELDS = [
  'id', 'createdAt', 'updatedAt', 'deleted', 'cohortId', 'alumnusId', 'outcome', 'graduationDate', 'certification',
  'certificationScheduledDate', 'certificationIssuedDate', 'certificateNumber',
] as const;

const QUALIFIED = ENROLLMENT_FIELDS.map((field) => `enrollments.${field}` as const);

/** Tombstones included. */
export async function findEnrollment(db: Kysely<Database>, id: string): Promise<Enrollment | undefined> {
  const row = await db.selectFrom('enrollments').select(ENROLLMENT_FIELDS).where('id', '=', id).executeTakeFirst();
  return row && fromRow(row, BOOLEAN_FIELDS.enrollments);
}

/** The one enrollment (live or tombstone) of a person in a cohort: the pair is unique. */
export async function findEnrollmentOf(db: Kysely<Database>, cohortId: string, alumnusId: string): Promise<Enrollment | undefined> {
  const row = await db
    .selectFrom('enrollments')
    .select(ENROLLMENT_FIELDS)
    .where('cohortId', '=', cohortId)
    .where('alumnusId', '=', alumnusId)
    .executeTakeFirst();
  return row && fromRow(row, BOOLEAN_FIELDS.enrollments);
}

/** A cohort's live enrollments with the person's name, by name. */
export async function listCohortEnrollments(db: Kysely<Database>, cohortId: string): Promise<CohortEnrollment[]> {
  const rows = await db
    .selectFrom('enrollments')
    .innerJoin('alumni', 'alumni.id', 'enrollments.alumnusId')
    .select([...QUALIFIED, 'alumni.name as alumnusName'])
    .where('enrollments.cohortId', '=', cohortId)
    .where('enrollments.deleted', '=', 0)
    .orderBy('alumni.name')
    .orderBy('enrollments.id')
    .execute();
  return rows.map((row) => fromRow(row, BOOLEAN_FIELDS.enrollments));
}

/**
 * A person's live enrollments in cohorts within `scope`, oldest cohort first: provider
 * staff do not learn where else someone trained.
 */
export async function listAlumnusEnrollments(db: Kysely<Database>, alumnusId: string, scope: ProviderScope): Promise<Enrollment[]> {
  let select = db
    .selectFrom('enrollments')
    .innerJoin('cohorts', 'cohorts.id', 'enrollments.cohortId')
    .select(QUALIFIED)
    .where('enrollments.alumnusId', '=', alumnusId)
    .where('enrollments.deleted', '=', 0)
    .orderBy('cohorts.startDate')
    .orderBy('enrollments.id');
  if (scope.kind === 'provider') select = select.where('cohorts.providerId', '=', scope.providerId);
  return (await select.execute()).map((row) => fromRow(row, BOOLEAN_FIELDS.enrollments));
}

/** Every enrolment write goes through here and the next function: each keeps the person's report row (report-people.repository.ts). */
export async function insertEnrollment(db: Kysely<Database>, enrollment: Enrollment): Promise<void> {
  await db.insertInto('enrollments').values(toRow(enrollment)).execute();
  await refreshReportPeople(db, [enrollment.alumnusId]);
}

export async function updateEnrollmentRow(db: Kysely<Database>, enrollment: Enrollment): Promise<void> {
  const { id, ...fields } = toRow(enrollment);
  await db.updateTable('enrollments').set(fields).where('id', '=', id).execute();
  await refreshReportPeople(db, [enrollment.alumnusId]);
}
