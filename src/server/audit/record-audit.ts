import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export type AuditEntry = {
  userId: string;
  /** The device, for changes that arrive by sync; null for direct API calls. */
  clientId?: string | null;
  /** What was done, e.g. `user.create`, `follow-up.log`, `alumnus.contact`. */
  mutation: string;
  /** The table name as Kysely knows it, e.g. `users`, `followUps`. */
  entity: string;
  entityId: string;
  /** The record before and after; null for a creation (before) or a deletion (after). */
  before: unknown;
  after: unknown;
  at: Date;
};

/**
 * Appends one audit row. Call it inside the transaction that makes the change, so the
 * log and the data never disagree. Never pass a password hash in `before`/`after`.
 */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('auditLog')
    .values({
      id: randomUUID(),
      userId: entry.userId,
      clientId: entry.clientId ?? null,
      mutation: entry.mutation,
      entity: entry.entity,
      entityId: entry.entityId,
      beforeJson: entry.before == null ? null : JSON.stringify(entry.before),
      afterJson: entry.after == null ? null : JSON.stringify(entry.after),
      at: entry.at.toISOString(),
    })
    .execute();
}
