import type { Kysely } from 'kysely';
import type { EnrollmentPatch } from '../../shared/api/enrollments.api';
import { EnrollmentSchema, type Enrollment } from '../../shared/schema';
import { assertAllowed, assertEnrollmentInScope, providerSyncScope } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { changedFields } from '../catalog/changed-fields';
import { findCohort } from '../db/cohorts.repository';
import { findEnrollment, updateEnrollmentRow } from '../db/enrollments.repository';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';
import { assertUnchangedSince } from './compare-and-set';
import { validRecord } from './valid-record';

/**
 * Records an enrolment's outcome, graduation and certification (provider staff, own
 * cohorts). With `base` (an edit made offline) it is a compare-and-set: refused with
 * `conflict` when a patched field changed since.
 */
export async function updateEnrollment(
  trx: Kysely<Database>,
  actor: Actor,
  input: { id: string; patch: EnrollmentPatch; base?: EnrollmentPatch },
  now: Date,
): Promise<Enrollment> {
  const { user } = actor;
  assertAllowed(user, 'write-enrollment');
  await assertEnrollmentInScope(trx, user, input.id);
  const before = await findEnrollment(trx, input.id);
  if (before === undefined || before.deleted) throw new DomainError('not-found', 404, { message: 'no such enrollment' });
  if (input.base !== undefined) assertUnchangedSince(before, input.patch, input.base);
  const changes = changedFields(before, input.patch);
  if (changes === null) return before;

  const after = validRecord(EnrollmentSchema, { ...before, ...changes, updatedAt: now.toISOString() });
  await updateEnrollmentRow(trx, after);
  await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'enrollment.update', entity: 'enrollments', entityId: after.id, before, after, at: now });
  const cohort = await findCohort(trx, after.cohortId);
  if (cohort !== undefined) await recordChanges(trx, [{ scope: providerSyncScope(cohort.providerId), entity: 'enrollments', id: after.id, op: 'put' }], now);
  return after;
}
