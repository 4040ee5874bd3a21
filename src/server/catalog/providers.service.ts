import type { Kysely, Transaction } from 'kysely';
import type { NewProviderRequest, ProviderPatch } from '../../shared/api/catalog.api';
import type { Provider } from '../../shared/schema';
import { SHARED_SCOPE, type ProviderScope } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { fromRow, toRow } from '../db/rows';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { DomainError } from '../errors';
import { recordChanges } from '../sync/change-feed';
import { changedFields } from './changed-fields';
import { newRecordId } from '../../shared/record-id';

type Db = Kysely<Database> | Transaction<Database>;

const FIELDS = ['id', 'createdAt', 'updatedAt', 'deleted', 'name', 'kind', 'address', 'phone'] as const;

async function findProvider(db: Db, id: string): Promise<Provider | undefined> {
  const row = await db.selectFrom('providers').select(FIELDS).where('id', '=', id).executeTakeFirst();
  return row && fromRow(row, ['deleted']);
}

/** Tombstones included: an admin may restore one, and offline clients hold them anyway. */
export async function listProviders(db: Db, scope: ProviderScope): Promise<Provider[]> {
  let query = db.selectFrom('providers').select(FIELDS).orderBy('name').orderBy('id');
  if (scope.kind === 'provider') query = query.where('id', '=', scope.providerId);
  return (await query.execute()).map((row) => fromRow(row, ['deleted']));
}

/** Ids are usually made by the client (records are created offline); a taken one is a 409. */
export async function createProvider(db: Kysely<Database>, input: NewProviderRequest, actorId: string, now: Date): Promise<Provider> {
  const at = now.toISOString();
  const provider: Provider = {
    id: input.id ?? newRecordId(),
    createdAt: input.createdAt ?? at,
    updatedAt: input.updatedAt ?? input.createdAt ?? at,
    deleted: input.deleted,
    name: input.name,
    kind: input.kind,
    address: input.address,
    phone: input.phone,
  };
  return db
    .transaction()
    .execute(async (trx) => {
      if ((await findProvider(trx, provider.id)) !== undefined) throw exists('provider', provider.id);
      await trx.insertInto('providers').values(toRow(provider)).execute();
      await recordAudit(trx, { userId: actorId, mutation: 'provider.create', entity: 'providers', entityId: provider.id, before: null, after: provider, at: now });
      await recordChanges(trx, [{ scope: SHARED_SCOPE, entity: 'providers', id: provider.id, op: 'put' }], now);
      return provider;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? exists('provider', provider.id) : error;
    });
}

export async function updateProvider(db: Kysely<Database>, id: string, patch: ProviderPatch, actorId: string, now: Date): Promise<Provider> {
  return db.transaction().execute(async (trx) => {
    const before = await findProvider(trx, id);
    if (before === undefined) throw new DomainError('not-found', 404, { message: `no provider ${id}` });
    const changes = changedFields(before, patch);
    if (changes === null) return before;
    const after: Provider = { ...before, ...changes, updatedAt: now.toISOString() };
    const { id: _id, ...fields } = toRow(after);
    await trx.updateTable('providers').set(fields).where('id', '=', id).execute();
    await recordAudit(trx, { userId: actorId, mutation: 'provider.update', entity: 'providers', entityId: id, before, after, at: now });
    await recordChanges(trx, [{ scope: SHARED_SCOPE, entity: 'providers', id, op: 'put' }], now);
    return after;
  });
}

function exists(kind: string, id: string): DomainError {
  return new DomainError('conflict', 409, { message: `a ${kind} with id ${id} already exists` });
}
