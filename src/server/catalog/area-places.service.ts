import type { Kysely, Transaction } from 'kysely';
import type { AreaPlacePatch, NewAreaPlaceRequest } from '../../shared/api/area-places.api';
import type { AreaPlace } from '../../shared/schema/area-place.schema';
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

const FIELDS = ['id', 'createdAt', 'updatedAt', 'deleted', 'kecamatan', 'kelurahan'] as const;

async function findPlace(db: Db, id: string): Promise<AreaPlace | undefined> {
  const row = await db.selectFrom('areaPlaces').select(FIELDS).where('id', '=', id).executeTakeFirst();
  return row && fromRow(row, ['deleted']);
}

/** The whole list, removed places included (an admin may restore one), by kecamatan then kelurahan. */
export async function listAreaPlaces(db: Db): Promise<AreaPlace[]> {
  const rows = await db.selectFrom('areaPlaces').select(FIELDS).orderBy('kecamatan').orderBy('kelurahan').orderBy('id').execute();
  return rows.map((row) => fromRow(row, ['deleted']));
}

export async function createAreaPlace(db: Kysely<Database>, input: NewAreaPlaceRequest, actorId: string, now: Date): Promise<AreaPlace> {
  const at = now.toISOString();
  const place: AreaPlace = {
    id: input.id ?? newRecordId(),
    createdAt: input.createdAt ?? at,
    updatedAt: input.updatedAt ?? input.createdAt ?? at,
    deleted: input.deleted,
    kecamatan: input.kecamatan,
    kelurahan: input.kelurahan,
  };
  return db
    .transaction()
    .execute(async (trx) => {
      if ((await findPlace(trx, place.id)) !== undefined) throw taken(`a place with id ${place.id} already exists`);
      await trx.insertInto('areaPlaces').values(toRow(place)).execute();
      await recordAudit(trx, { userId: actorId, mutation: 'area-place.create', entity: 'areaPlaces', entityId: place.id, before: null, after: place, at: now });
      // Every device holds the list: the contact form and the worklist filter choose from it offline.
      await recordChanges(trx, [{ scope: SHARED_SCOPE, entity: 'areaPlaces', id: place.id, op: 'put' }], now);
      return place;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken(`${place.kelurahan} is already listed under ${place.kecamatan}`) : error;
    });
}

export async function updateAreaPlace(db: Kysely<Database>, id: string, patch: AreaPlacePatch, actorId: string, now: Date): Promise<AreaPlace> {
  return db
    .transaction()
    .execute(async (trx) => {
      const before = await findPlace(trx, id);
      if (before === undefined) throw new DomainError('not-found', 404, { message: `no place ${id}` });
      const changes = changedFields(before, patch);
      if (changes === null) return before;
      const after: AreaPlace = { ...before, ...changes, updatedAt: now.toISOString() };
      const { id: _id, ...fields } = toRow(after);
      await trx.updateTable('areaPlaces').set(fields).where('id', '=', id).execute();
      await recordAudit(trx, { userId: actorId, mutation: 'area-place.update', entity: 'areaPlaces', entityId: id, before, after, at: now });
      await recordChanges(trx, [{ scope: SHARED_SCOPE, entity: 'areaPlaces', id, op: 'put' }], now);
      return after;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? taken('that kelurahan is already listed under that kecamatan') : error;
    });
}

function taken(message: string): DomainError {
  return new DomainError('conflict', 409, { message });
}
