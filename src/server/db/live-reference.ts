import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** True when a provider or vocation with this id exists and is not deleted. */
export async function isLiveReference(db: Kysely<Database>, table: 'providers' | 'vocations', id: string): Promise<boolean> {
  const row = await db.selectFrom(table).select('id').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  return row !== undefined;
}
