import type { SyncedEntity } from '../../shared/sync/protocol';
import type { JejakDb } from '../storage/db';
import { entityTable, recordKey, type EntityRecord } from './entities';

/**
 * The server's version of every record a queued change has touched ("base"), so that
 * a change the server refused, or one it applied differently (a field that lost
 * last-writer-wins), can be undone: local = base + the changes still pending.
 *
 * The invariant: a record without a base row holds exactly what the last pull gave
 * (or nothing). A base row is taken just before the first local write to a record,
 * kept current by every pulled page, and dropped once no pending change needs it.
 * Few rows (only records with unsettled changes), so they live in `meta` under
 * `base:<entity>/<id>` rather than in a table of their own.
 */
const PREFIX = 'base:';

type Base = { entity: SyncedEntity; id: string; record: EntityRecord | null };

function baseKeyOf(key: string): string {
  return `${PREFIX}${key}`;
}

/** Takes the base of a record about to be written locally, unless one is held already. */
export async function keepBase(db: JejakDb, entity: SyncedEntity, id: string): Promise<void> {
  const key = baseKeyOf(recordKey(entity, id));
  if ((await db.meta.get(key)) !== undefined) return;
  const record = (await entityTable(db, entity).get(id)) ?? null;
  await db.meta.put({ key, value: { entity, id, record } satisfies Base });
}

/** Keys (`alumni/<id>`) of the records that have a base. */
export async function basedKeys(db: JejakDb): Promise<Set<string>> {
  const keys = await db.meta.where('key').startsWith(PREFIX).primaryKeys();
  return new Set(keys.map((key) => key.slice(PREFIX.length)));
}

/** A pulled page brought the server's new version of a based record (null: deleted). */
export async function updateBase(db: JejakDb, entity: SyncedEntity, id: string, record: EntityRecord | null): Promise<void> {
  await db.meta.put({ key: baseKeyOf(recordKey(entity, id)), value: { entity, id, record } satisfies Base });
}

/**
 * Puts the server's version back in place of the local one for `keys` (every based
 * record when null), and forgets the bases of those no pending change touches.
 */
export async function restoreBases(db: JejakDb, keys: ReadonlySet<string> | null, keep: ReadonlySet<string>): Promise<void> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  for (const row of rows) {
    const key = row.key.slice(PREFIX.length);
    if (keys !== null && !keys.has(key)) continue;
    const { entity, id, record } = row.value as Base;
    const table = entityTable(db, entity);
    if (record === null) await table.delete(id);
    else await table.put(record);
    if (!keep.has(key)) await db.meta.delete(row.key);
  }
}

/** A reset: the server resends everything, so no base is worth keeping. */
export async function clearBases(db: JejakDb): Promise<void> {
  await db.meta.where('key').startsWith(PREFIX).delete();
}

