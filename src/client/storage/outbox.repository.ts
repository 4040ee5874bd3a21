import type { JejakDb, OutboxEntry } from './db';

/**
 * Queued changes not yet accepted by the server. Refused ones (`rejected`) are not
 * counted: they will never be sent, they wait only to be seen.
 */
export function countPendingChanges(db: JejakDb): Promise<number> {
  // By index: the header counts after every settled batch, and 5,000 queued changes
  // read row by row took seconds each time on a phone.
  return db.outbox.where('status').equals('pending').count();
}

/**
 * Pending rows in `mid` order, the order the server must apply them in (rows with the
 * same index key come in primary-key order).
 */
export function pendingEntries(db: JejakDb, limit = Infinity): Promise<OutboxEntry[]> {
  return db.outbox.where('status').equals('pending').limit(limit).toArray();
}

/**
 * Up to `limit` pending rows after `mid`, in `mid` order: the batch after the one on its
 * way. Read by primary key (refused rows, all older, are dropped after reading).
 */
export async function pendingAfter(db: JejakDb, mid: number, limit: number): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('mid').above(mid).limit(limit).toArray();
  return rows.filter((row) => row.status === 'pending');
}

export function rejectedEntries(db: JejakDb): Promise<OutboxEntry[]> {
  return db.outbox.where('status').equals('rejected').toArray();
}

/**
 * The user has seen a refused change and lets it go. Only refused rows can be
 * discarded: a pending one may already be on its way to the server.
 */
export async function discardRejected(db: JejakDb, mid: number): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const entry = await db.outbox.get(mid);
    if (entry?.status === 'rejected') await db.outbox.delete(mid);
  });
}
