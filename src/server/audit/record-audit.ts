import type { Insertable, Kysely, Transaction } from 'kysely';
import { defer, type DeferredKind } from '../db/deferred-writes';
import { newRecordId } from '../../shared/record-id';
import { multiRowInsert } from '../db/multi-row-insert';
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

/** Rows per INSERT: 9 parameters each, under the 999 bound values of old SQLite builds. */
const ROWS_PER_INSERT = 100;

type AuditRow = Insertable<Database['auditLog']>;

const AUDIT_COLUMNS = ['id', 'userId', 'clientId', 'mutation', 'entity', 'entityId', 'beforeJson', 'afterJson', 'at'] as const satisfies readonly (keyof AuditRow)[];

const insertAuditRows = multiRowInsert(AUDIT_COLUMNS, ROWS_PER_INSERT, (db, rows: AuditRow[]) => db.insertInto('auditLog').values(rows));

const AUDIT_ROWS: DeferredKind<AuditRow> = { write: insertAuditRows };

/**
 * Appends one audit row. Call it inside the transaction that makes the change, so the
 * log and the data never disagree (a transaction that defers its writes holds the row
 * to its commit: db/deferred-writes.ts). Never pass a password hash in `before`/`after`.
 */
export async function recordAudit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  // Serialised now: the caller may go on to change the objects it logged.
  const row: AuditRow = {
    id: newRecordId(),
    userId: entry.userId,
    clientId: entry.clientId ?? null,
    mutation: entry.mutation,
    entity: entry.entity,
    entityId: entry.entityId,
    beforeJson: entry.before == null ? null : JSON.stringify(entry.before),
    afterJson: entry.after == null ? null : JSON.stringify(entry.after),
    at: entry.at.toISOString(),
  };
  if (defer(db, AUDIT_ROWS, [row])) return;
  await insertAuditRows(db, [row]);
}
