import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { newRecordId } from '../../shared/record-id';

/**
 * The clock of the write that set each last-writer-wins field, and the values that lost.
 * A field without a clock was never written by a clocked edit: any edit beats it.
 */

type FieldKey = { entity: string; entityId: string };

export async function readFieldClocks(db: Kysely<Database>, { entity, entityId }: FieldKey, fields: readonly string[]): Promise<Map<string, string>> {
  if (fields.length === 0) return new Map();
  const rows = await db
    .selectFrom('fieldClocks')
    .select(['field', 'hlc'])
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .where('field', 'in', fields)
    .execute();
  return new Map(rows.map((row) => [row.field, row.hlc]));
}

export async function writeFieldClock(db: Kysely<Database>, { entity, entityId }: FieldKey, field: string, hlc: string): Promise<void> {
  await db
    .insertInto('fieldClocks')
    .values({ entity, entityId, field, hlc })
    .onConflict((oc) => oc.columns(['entity', 'entityId', 'field']).doUpdateSet({ hlc }))
    .execute();
}

/** Keeps a value that lost to a later write (or arrived later with an older clock), with its clock. */
export async function keepLosingValue(
  db: Kysely<Database>,
  { entity, entityId }: FieldKey,
  loser: { field: string; value: unknown; hlc: string },
  at: Date,
): Promise<void> {
  await db
    .insertInto('fieldHistory')
    .values({
      id: newRecordId(), entity, entityId, field: loser.field, valueJson: JSON.stringify(loser.value ?? null), hlc: loser.hlc, replacedAt: at.toISOString(),
    })
    .execute();
}
