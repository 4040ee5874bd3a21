import type { Kysely, Transaction } from 'kysely';
import type { NewVocationRequest, VocationPatch } from '../../shared/api/catalog.api';
import type { Vocation } from '../../shared/schema';
import { SHARED_SCOPE } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { fromRow, toRow } from '../db/rows';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { DomainError } from '../errors';
import { recordChanges } from '../sync/change-feed';
import { changedFields } from './changed-fields';
import { newRecordId } from '../../shared/record-id';

type Db = Kysely<Database> | Transaction<Database>;

const FIELDS = ['id', 'createdAt', 'updatedAt', 'deleted', 'name'] as const;

async function findVocation(db: Db, id: string): Promise<Vocation | undefined> {
  const row = await db.selectFrom('vocations').select(FIELDS).where('id', '=', id).executeTakeFirst();
  return row && fromRow(row, ['deleted']);
}

/** Every role sees every vocation; tombstones included, as for providers. */
export async function listVocations(db: Db): Promise<Vocation[]> {
  return (await db.selectFrom('vocations').select(FIELDS).orderBy('name').orderBy('id').execute()).map((row) => fromRow(row, ['deleted']));
}

export async function createVocation(db: Kysely<Database>, input: NewVocationRequest, actorId: string, now: Date): Promise<Vocation> {
  const at = now.toISOString();
  const vocation: Vocation = {
    id: input.id ?? newRecordId(),
    createdAt: input.createdAt ?? at,
    updatedAt: input.updatedAt ?? input.createdAt ?? at,
    deleted: input.deleted,
    name: input.name,
  };
  return db
    .transaction()
    .execute(async (trx) => {
      if ((await findVocation(trx, vocation.id)) !== undefined) throw exists('vocation', vocation.id);
      await trx.insertInto('vocations').values(toRow(vocation)).execute();
      await recordAudit(trx, { userId: actorId, mutation: 'vocation.create', entity: 'vocations', entityId: vocation.id, before: null, after: vocation, at: now });
      await recordChanges(trx, [{ scope: SHARED_SCOPE, entity: 'vocations', id: vocation.id, op: 'put' }], now);
      return vocation;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? exists('vocation', vocation.id) : error;
    });
}

export async function updateVocation(db: Kysely<Database>, id: string, patch: VocationPatch, actorId: string, now: Date): Promise<Vocation> {
  return db.transaction().execute(async (trx) => {
    const before = await findVocation(trx, id);
    if (before === undefined) throw new DomainError('not-found', 404, { message: `no vocation ${id}` });
    const changes = changedFields(before, patch);
    if (changes === null) return before;
    const after: Vocation = { ...before, ...changes, updatedAt: now.toISOString() };
    const { id: _id, ...fields } = toRow(after);
    await trx.updateTable('vocations').set(fields).where('id', '=', id).execute();
    await recordAudit(trx, { userId: actorId, mutation: 'vocation.update', entity: 'vocations', entityId: id, before, after, at: now });
    await recordChanges(trx, [{ scope: SHARED_SCOPE, entity: 'vocations', id, op: 'put' }], now);
    return after;
  });
}

function exists(kind: string, id: string): DomainError {
  return new DomainError('conflict', 409, { message: `a ${kind} with id ${id} already exists` });
}
