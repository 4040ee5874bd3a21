import type { Kysely } from 'kysely';
import type { WithdrawEnrollmentRequest } from '../../shared/api/enrollments.api';
import type { Enrollment } from '../../shared/schema';
import { assertAllowed, assertEnrollmentInScope, lockAlumnusScopes, providerSyncScope, syncScopesOfAlumnus } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { findAlumnus, hasRecordsAttached, updateAlumnusRow } from '../db/alumni.repository';
import { findCohort } from '../db/cohorts.repository';
import { findEnrollment, updateEnrollmentRow } from '../db/enrollments.repository';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { alumnusPuts, membershipChanges } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';

/**
 * Takes back an enrolment made in error: its provider's staff or an admin, with a reason
 * the audit log keeps. The enrolment becomes a tombstone; the person leaves the
 * provider's sync scope unless enrolled there in another cohort, so the provider's
 * devices drop them (and their follow-ups) on the next pull. A person this enrolment
 * alone brought in — no other enrolment, no follow-up, typically a mistyped NIK — is
 * removed too, so the NIK's real owner can be enrolled later.
 */
export async function withdrawEnrollment(trx: Kysely<Database>, actor: Actor, input: { id: string } & WithdrawEnrollmentRequest, now: Date): Promise<Enrollment> {
  const { user } = actor;
  assertAllowed(user, 'withdraw-enrollment');
  await assertEnrollmentInScope(trx, user, input.id);
  const before = await findEnrollment(trx, input.id);
  if (before === undefined || before.deleted) throw new DomainError('not-found', 404, { message: 'no such enrollment' });
  const cohort = await findCohort(trx, before.cohortId);
  if (cohort === undefined) throw new DomainError('not-found', 404, { message: 'no such enrollment' });

  await lockAlumnusScopes(trx, before.alumnusId, 'change');
  const scopesBefore = await syncScopesOfAlumnus(trx, before.alumnusId);
  const at = now.toISOString();
  const after: Enrollment = { ...before, deleted: true, updatedAt: at };
  await updateEnrollmentRow(trx, after);
  await recordAudit(trx, {
    userId: user.id, clientId: actor.clientId, mutation: 'enrollment.withdraw', entity: 'enrollments', entityId: after.id,
    before, after: { ...after, withdrawReason: input.reason }, at: now,
  });

  const alumnus = await findAlumnus(trx, before.alumnusId);
  const orphan = alumnus !== undefined && !alumnus.deleted && !(await hasRecordsAttached(trx, alumnus.id));
  if (orphan) {
    const removed = { ...alumnus, deleted: true, updatedAt: at };
    await updateAlumnusRow(trx, removed);
    await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'alumnus.remove', entity: 'alumni', entityId: alumnus.id, before: alumnus, after: removed, at: now });
  }
  const scopesAfter = await syncScopesOfAlumnus(trx, before.alumnusId);
  await recordChanges(trx, [
    { scope: providerSyncScope(cohort.providerId), entity: 'enrollments', id: after.id, op: 'put' },
    ...(await membershipChanges(trx, before.alumnusId, scopesBefore, scopesAfter)),
    ...(orphan ? await alumnusPuts(trx, before.alumnusId) : []),
  ], now);
  return after;
}
