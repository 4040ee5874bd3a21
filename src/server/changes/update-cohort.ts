import type { Kysely } from 'kysely';
import type { CohortPatch } from '../../shared/api/cohorts.api';
import { CohortSchema, type Cohort } from '../../shared/schema';
import { assertAllowed, assertCohortInScope, providerSyncScope } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { changedFields } from '../catalog/changed-fields';
import { findCohort, updateCohortRow } from '../db/cohorts.repository';
import { isLiveReference } from '../db/live-reference';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';
import { assertUnchangedSince } from './compare-and-set';
import { validRecord } from './valid-record';

/**
 * Edits a cohort of the actor's own provider. The merged cohort must still be valid (a
 * new start date after the stored end date is refused). A patch that changes nothing
 * writes nothing and is not audited. With `base` (an edit made offline) it is a
 * compare-and-set: refused with `conflict` when a patched field changed since.
 */
export async function updateCohort(
  trx: Kysely<Database>,
  actor: Actor,
  input: { id: string; patch: CohortPatch; base?: CohortPatch },
  now: Date,
): Promise<Cohort> {
  const { user } = actor;
  assertAllowed(user, 'write-cohort');
  await assertCohortInScope(trx, user, input.id);
  const before = await findCohort(trx, input.id);
  if (before === undefined || before.deleted) throw new DomainError('not-found', 404, { message: 'no such cohort' });
  if (input.base !== undefined) assertUnchangedSince(before, input.patch, input.base);
  const changes = changedFields(before, input.patch);
  if (changes === null) return before;
  if (changes.vocationId !== undefined && !(await isLiveReference(trx, 'vocations', changes.vocationId))) {
    throw new DomainError('not-found', 404, { message: 'no such vocation' });
  }

  const after = validRecord(CohortSchema, { ...before, ...changes, updatedAt: now.toISOString() });
  await updateCohortRow(trx, after);
  await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'cohort.update', entity: 'cohorts', entityId: after.id, before, after, at: now });
  await recordChanges(trx, [{ scope: providerSyncScope(after.providerId), entity: 'cohorts', id: after.id, op: 'put' }], now);
  return after;
}
