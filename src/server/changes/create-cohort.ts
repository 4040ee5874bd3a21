import type { Kysely } from 'kysely';
import type { NewCohortRequest } from '../../shared/api/cohorts.api';
import { CohortSchema, type Cohort } from '../../shared/schema';
import { assertAllowed, assertProviderInScope, providerSyncScope } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { findCohort, insertCohort } from '../db/cohorts.repository';
import { isLiveReference } from '../db/live-reference';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import { recordChanges } from '../sync/change-feed';
import type { Actor } from './actor';
import { validRecord } from './valid-record';
import { newRecordId } from '../../shared/record-id';

/**
 * A new cohort of the actor's own provider (provider staff). Naming another provider is
 * 403 `out-of-scope`; an unknown or deleted provider or vocation is 404.
 */
export async function createCohort(trx: Kysely<Database>, actor: Actor, input: NewCohortRequest, now: Date): Promise<Cohort> {
  const { user } = actor;
  assertAllowed(user, 'write-cohort');
  const { id, providerId = user.providerId, ...fields } = input;
  if (providerId === null) {
    throw new DomainError('invalid-body', 400, { message: 'providerId: is required', details: [{ path: 'providerId', code: 'required' }] });
  }
  assertProviderInScope(user, providerId);
  if (!(await isLiveReference(trx, 'providers', providerId))) throw new DomainError('not-found', 404, { message: 'no such provider' });
  if (!(await isLiveReference(trx, 'vocations', fields.vocationId))) throw new DomainError('not-found', 404, { message: 'no such vocation' });
  if (id !== undefined && (await findCohort(trx, id)) !== undefined) {
    throw new DomainError('conflict', 409, { message: 'a cohort with this id already exists' });
  }

  const at = now.toISOString();
  const cohort = validRecord(CohortSchema, { ...fields, id: id ?? newRecordId(), createdAt: at, updatedAt: at, deleted: false, providerId });
  await insertCohort(trx, cohort);
  await recordAudit(trx, { userId: user.id, clientId: actor.clientId, mutation: 'cohort.create', entity: 'cohorts', entityId: cohort.id, before: null, after: cohort, at: now });
  await recordChanges(trx, [{ scope: providerSyncScope(providerId), entity: 'cohorts', id: cohort.id, op: 'put' }], now);
  return cohort;
}
