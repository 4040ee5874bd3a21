import type { Kysely } from 'kysely';
import type { Vocation } from '../../shared/schema';
import { SHARED_SCOPE } from '../access/scope';
import { recordAudit } from '../audit/record-audit';
import { toRow } from '../db/rows';
import type { Database } from '../db/schema';
import { recordChanges } from '../sync/change-feed';
import { VOCATION_CATALOGUE } from './vocation-catalogue';
import { newRecordId } from '../../shared/record-id';

/** The audit actor of records the server makes by itself on a first start. */
const SYSTEM_ACTOR = 'system';

/**
 * Gives a new office the common vocations (vocation-catalogue.ts), so its first cohort
 * can be created without a detour. Runs only over a vocations table that has never held
 * a row (tombstones count): an office that deactivated the whole list keeps it that way.
 * The rows go through the change feed like an admin's, so every device receives them.
 * Returns how many were added.
 */
export async function seedVocationCatalogue(db: Kysely<Database>, now: Date, names: readonly string[] = VOCATION_CATALOGUE): Promise<number> {
  return db.transaction().execute(async (trx) => {
    if ((await trx.selectFrom('vocations').select('id').limit(1).executeTakeFirst()) !== undefined) return 0;
    const at = now.toISOString();
    const vocations: Vocation[] = names.map((name) => ({ id: newRecordId(), createdAt: at, updatedAt: at, deleted: false, name }));
    if (vocations.length === 0) return 0;
    await trx.insertInto('vocations').values(vocations.map(toRow)).execute();
    for (const vocation of vocations) {
      await recordAudit(trx, { userId: SYSTEM_ACTOR, mutation: 'vocation.create', entity: 'vocations', entityId: vocation.id, before: null, after: vocation, at: now });
    }
    await recordChanges(trx, vocations.map(({ id }) => ({ scope: SHARED_SCOPE, entity: 'vocations' as const, id, op: 'put' as const })), now);
    return vocations.length;
  });
}
