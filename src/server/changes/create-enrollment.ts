import type { Kysely } from 'kysely';
import type { NewEnrollmentRequest } from '../../shared/api/enrollments.api';
import { AlumnusSchema, EnrollmentSchema, type Alumnus, type Enrollment } from '../../shared/schema';
import { assertAllowed, assertCohortInScope, lockAlumnusScopes, providerSyncScope, syncScopesOfAlumnus } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { findAlumnus, findAlumnusByNik, hasRecordsAttached, insertAlumnus, updateAlumnusRow } from '../db/alumni.repository';
import { findCohort } from '../db/cohorts.repository';
import { findEnrollment, findEnrollmentOf, insertEnrollment } from '../db/enrollments.repository';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { alumnusPuts, membershipChanges } from '../sync/alumnus-changes';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';
import { sameName } from '../../shared/domain/same-name';
import { validRecord } from './valid-record';
import { newRecordId } from '../../shared/record-id';

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
 * twice is one alumnus with two enrollments, so a known NIK reuses that alumnus when the
 * name and birth date sent agree with it (its identity fields then win over the ones
 * sent), and is refused with `nik-belongs-to-other` when they do not. The same NIK twice
 * in one cohort is a 409.
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
  if (alumnus !== undefined) {
    await lockAlumnusScopes(trx, alumnus.id, 'change');
    await assertSamePerson(trx, alumnus, person);
  }
  const alumnusCreated = alumnus === undefined;
  const restored = alumnus?.deleted === true;
  const scopesBefore = alumnus === undefined ? [] : await syncScopesOfAlumnus(trx, alumnus.id);
  if (alumnus === undefined) {
    assertAllowed(user, 'write-alumnus');
    const { id: alumnusId, ...identity } = person;
    if (alumnusId !== undefined && (await findAlumnus(trx, alumnusId)) !== undefined) {
      throw new DomainError('conflict', 409, { message: 'another alumnus already has this id' });
    }
    alumnus = validRecord(AlumnusSchema, { ...identity, id: alumnusId ?? newRecordId(), createdAt: at, updatedAt: at, deleted: false });
    await insertAlumnus(trx, alumnus);
    await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'alumnus.create', entity: 'alumni', entityId: alumnus.id, before: null, after: alumnus, at: now });
  } else if (restored) {
    // A person removed by mistake comes back when enrolled again, rather than being unreachable
    // by NIK. A record removed with nothing attached (a mistyped NIK's, withdrawn) takes the
    // identity now sent: the NIK is this person's, and no one else held that record.
    const { id: _clientId, ...identity } = person;
    const replaced = !sameName(alumnus.name, person.name) || alumnus.birthDate !== person.birthDate;
    const live: Alumnus = replaced
      ? validRecord(AlumnusSchema, { ...alumnus, ...identity, deleted: false, updatedAt: at })
      : { ...alumnus, deleted: false, updatedAt: at };
    await updateAlumnusRow(trx, live);
    const mutation = replaced ? 'alumnus.replace' : 'alumnus.restore';
    await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation, entity: 'alumni', entityId: alumnus.id, before: alumnus, after: live, at: now });
    alumnus = live;
  }

  const taken = await findEnrollmentOf(trx, input.cohortId, alumnus.id);
  if (taken !== undefined) {
    const state = taken.deleted ? 'was enrolled in this cohort before and removed' : 'is already enrolled in this cohort';
    throw new DomainError('conflict', 409, { message: `NIK ${person.nik} (${alumnus.name}) ${state}`, details: { enrollmentId: taken.id } });
  }
  const enrollment = validRecord(EnrollmentSchema, {
    ...fields, id: id ?? newRecordId(), createdAt: at, updatedAt: at, deleted: false, alumnusId: alumnus.id,
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

/**
 * A known NIK attaches its person only when the request proves it means them: the name
 * (as `sameName` forgives it) and the birth date agree. Otherwise a typo or a guessed NIK
 * would hand a stranger's file to whoever typed it, so the refusal repeats nothing of
 * what is stored. A removed record with nothing attached (no enrolment, no follow-up:
 * a mistyped NIK's person, withdrawn) passes: it is given to the new person.
 */
async function assertSamePerson(trx: Kysely<Database>, known: Alumnus, person: NewEnrollmentRequest['alumnus']): Promise<void> {
  if (sameName(known.name, person.name) && known.birthDate === person.birthDate) return;
  if (known.deleted && !(await hasRecordsAttached(trx, known.id))) return;
  throw new DomainError('nik-belongs-to-other', 409, { details: [{ path: 'alumnus.nik', code: 'nik-belongs-to-other' }] });
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
