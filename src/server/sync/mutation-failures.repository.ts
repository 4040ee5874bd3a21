import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Failed attempts at a device's pushed mutations (see the migration
 * 2026_12_05_1000_mutation_failures). Written in a transaction of their own: the failure
 * they count rolled back the push's.
 */

/** Attempts that failed, by mid, for the device's mutations after `afterMid`. */
export async function failedAttempts(db: Kysely<Database>, clientId: string, afterMid: number): Promise<Map<number, number>> {
  const rows = await db.selectFrom('mutationFailures').select(['mid', 'attempts']).where('clientId', '=', clientId).where('mid', '>', afterMid).execute();
  return new Map(rows.map((row) => [Number(row.mid), Number(row.attempts)]));
}

/** Counts one more failed attempt at `mid`, keeping the error's text for the operator. */
export async function recordFailedAttempt(db: Kysely<Database>, clientId: string, mid: number, error: unknown, at: Date): Promise<number> {
  const lastError = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);
  const row = await db
    .insertInto('mutationFailures')
    .values({ clientId, mid, attempts: 1, lastError, at: at.toISOString() })
    .onConflict((oc) => oc.columns(['clientId', 'mid']).doUpdateSet((eb) => ({ attempts: eb('mutationFailures.attempts', '+', 1), lastError, at: at.toISOString() })))
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return Number(row.attempts);
}

/** Drops the counts of mutations now settled (applied or refused). */
export async function forgetFailures(db: Kysely<Database>, clientId: string, upToMid: number): Promise<void> {
  await db.deleteFrom('mutationFailures').where('clientId', '=', clientId).where('mid', '<=', upToMid).execute();
}
