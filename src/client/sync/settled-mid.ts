import type { JejakDb } from '../storage/db';
import { readMeta } from '../storage/meta.repository';

/**
 * How far this device has settled its own changes: every mid up to the one returned is
 * gone from the outbox or kept there as refused, with its refusal. Sent with each push and
 * pull, so the server can forget the results it stored for a retry that will not come.
 * Read before a request goes out: a batch answered meanwhile counts from the next one.
 */
export async function settledMid(db: JejakDb): Promise<number> {
  return db.transaction('r', db.outbox, db.meta, async () => {
    const pending = await db.outbox.where('status').equals('pending').first();
    if (pending !== undefined) return pending.mid - 1;
    return (await readMeta(db, 'lastMid')) ?? 0;
  });
}
