import type { SyncedEntity } from '../../shared/sync/protocol';
import type { JejakDb } from '../storage/db';
import { keepBase } from './bases';
import { entityTable, recordKey, type EntityRecords } from './entities';

/**
 * The entity tables as the local appliers see them: every write first keeps the
 * record's base (see bases.ts) and is noted, so a rebase knows what pending changes
 * touched. Used only inside a read-write transaction over all tables.
 */
export class LocalStore {
  readonly written = new Set<string>();

  constructor(readonly db: JejakDb) {}

  get<E extends SyncedEntity>(entity: E, id: string): Promise<EntityRecords[E] | undefined> {
    return entityTable(this.db, entity).get(id);
  }

  async put<E extends SyncedEntity>(entity: E, record: EntityRecords[E]): Promise<void> {
    await keepBase(this.db, entity, record.id);
    await entityTable(this.db, entity).put(record);
    this.written.add(recordKey(entity, record.id));
  }
}
