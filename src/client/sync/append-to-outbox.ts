import type { JejakDb, OutboxEntry } from '../storage/db';
import { appendEntriesToOutbox, type NewOutboxEntry } from './append-entries-to-outbox';

export type { NewOutboxEntry } from './append-entries-to-outbox';

/**
 * Appends one mutation with the next `mid` and a ticked clock. Must run inside the
 * read-write transaction that applies the change (over `outbox` and `meta`): the change
 * and its entry are committed together or not at all, and two writers never get the
 * same `mid`.
 */
export async function appendToOutbox(db: JejakDb, entry: NewOutboxEntry): Promise<OutboxEntry> {
  const [row] = await appendEntriesToOutbox(db, [entry]);
  if (row === undefined) throw new Error('appendEntriesToOutbox returned no row for one entry');
  return row;
}
