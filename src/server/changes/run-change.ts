import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/unique-violation';
import { DomainError } from '../errors';

/**
 * Runs one change in its own transaction. The changes check before they insert ("is this
 * NIK known?", "was this follow-up id logged?"), but two requests can both pass the check
 * and one then hits the unique constraint. That one runs once more: its checks now see the
 * other's row and give the answer a later request would get (reuse the alumnus, return the
 * logged follow-up). A second collision is reported as 409 `conflict`; it never ends as a 500.
 */
export async function runChange<T>(db: Kysely<Database>, change: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(change);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  try {
    return await db.transaction().execute(change);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError('conflict', 409, { message: 'another change to the same record arrived at the same time; try again', cause: error });
  }
}
