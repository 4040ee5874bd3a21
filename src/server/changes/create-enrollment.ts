import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { NewEnrollmentRequest } from '../../shared/api/enrollments.api';
import { AlumnusSchema, EnrollmentSchema, type Alumnus, type Enrollment } from '../../shared/schema';
import { assertAllowed, assertCohortInScope, lockAlumnusScopes, providerSyncScope, syncScopesOfAlumnus } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { findAlumnus, findAlumnusByNik, insertAlumnus, updateAlumnusRow } from '../db/alumni.repository';
import { findCohort } from '../db/cohorts.repository';
import { findEnrollment, findEnrollmentOf, insertEnrollment } from '../db/enrollments.repository';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { alumnusPuts, membershipChanges } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';
import { validRecord } from './valid-record';

export type CreatedEnrollment = {
  enrollment: Enrollment;
  alumnus: Alumnus;
  /** False when the NIK named a person already known (trained before, here or elsewhere). */
  alumnusCreated: boolean;
  /** False when this enrollment id was already stored for the same cohort and NIK (a retry). */
  created: boolean;
};

/**
 * Enrols a person in a cohort of the actor's own provider, NIK first: one person trained
 * twice is one alumnus with two enrollments, so a known NIK reuses that alumnus (and its
 * identity fields win over the ones sent). The same NIK twice in one cohort is a 409.
 *
 * The person enters the provider's sync scope (and leaves `unassigned`): the feed gets
 * them and their whole follow-up history there, so the provider sees its new trainee.
 */
export async function createEnrollment(trx: Kysely<Database>, actor: Actor, input: NewEnrollmentRequest, now: Date): Promise<CreatedEnrollment> {
  const { user } = actor;
  assertAllowed(user, 'write-enrollment');
  await assertCohortInScope(trx, user, input.cohortId);
  const cohort = await findCohort(trx, input.cohortId);
  if (cohort?.deleted !== false) throw new DomainError('not-found', 404, { message: 'no such cohort' });
  const { id, alumnus: person, ...fields } = input;

  if (id !== undefined) {
    const replay = await replayOf(trx, id, input);
    if (replay !== undefined) return replay;
  }

  const at = now.toISOString();
  let alumnus = await findAlumnusByNik(trx, person.nik);
  const alumnusCreated = alumnus === undefined;
  const restored = alumnus?.deleted === true;
  if (alumnus !== undefined) await lockAlumnusScopes(trx, alumnus.id, 'change');
  const scopesBefore = alumnus === undefined ? [] : await syncScopesOfAlumnus(trx, alumnus.id);
  if (alumnus === undefined) {
    assertAllowed(user, 'write-alumnus');
    const { id: alumnusId, ...identity } = person;
    if (alumnusId !== undefined && (await findAlumnus(trx, alumnusId)) !== undefined) {
      throw new DomainError('conflict', 409, { message: 'another alumnus already has this id' });
    }
    alumnus = validRecord(AlumnusSchema, { ...identity, id: alumnusId ?? randomUUID(), createdAt: at, updatedAt: at, deleted: false });
    await insertAlumnus(trx, alumnus);
    await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'alumnus.create', entity: 'alumni', entityId: alumnus.id, before: null, after: alumnus, at: now });
  } else if (restored) {
    // A person removed by mistake comes back when enrolled again, rather than being unreachable by NIK.
    const live: Alumnus = { ...alumnus, deleted: false, updatedAt: at };
    await updateAlumnusRow(trx, live);
    await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'alumnus.restore', entity: 'alumni', entityId: alumnus.id, before: alumnus, after: live, at: now });
    alumnus = live;
  }

  const taken = await findEnrollmentOf(trx, input.cohortId, alumnus.id);
  if (taken !== undefined) {
    const state = taken.deleted ? 'was enrolled in this cohort before and removed' : 'is already enrolled in this cohort';
    throw new DomainError('conflict', 409, { message: `NIK ${person.nik} (${alumnus.name}) ${state}`, details: { enrollmentId: taken.id } });
  }
  const enrollment = validRecord(EnrollmentSchema, {
    ...fields, id: id ?? randomUUID(), createdAt: at, updatedAt: at, deleted: false, alumnusId: alumnus.id,
  });
  await insertEnrollment(trx, enrollment);
  await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'enrollment.create', entity: 'enrollments', entityId: enrollment.id, before: null, after: enrollment, at: now });
  const scopesAfter = await syncScopesOfAlumnus(trx, alumnus.id);
  await recordChanges(trx, [
    { scope: providerSyncScope(cohort.providerId), entity: 'enrollments', id: enrollment.id, op: 'put' },
    ...(await membershipChanges(trx, alumnus.id, scopesBefore, scopesAfter)),
    // A restored person changed (no longer deleted) in the scopes they already were in too.
    ...(alumnusCreated || restored ? await alumnusPuts(trx, alumnus.id) : []),
  ], now);
  return { enrollment, alumnus, alumnusCreated, created: true };
}

/** The stored enrollment when `id` was already used for this cohort and NIK; 409 when for another. */
async function replayOf(trx: Kysely<Database>, id: string, input: NewEnrollmentRequest): Promise<CreatedEnrollment | undefined> {
  const existing = await findEnrollment(trx, id);
  if (existing === undefined) return undefined;
  const alumnus = await findAlumnus(trx, existing.alumnusId);
  if (alumnus === undefined || existing.cohortId !== input.cohortId || alumnus.nik !== input.alumnus.nik) {
    throw new DomainError('conflict', 409, { message: 'a different enrollment already has this id' });
  }
  return { enrollment: existing, alumnus, alumnusCreated: false, created: false };
}
