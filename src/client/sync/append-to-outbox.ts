import { decodeHlc, encodeHlc, tickHlc } from '../../shared/sync/hlc';
import type { JejakDb, OutboxEntry } from '../storage/db';
import { ensureClientId, readMeta, writeMeta } from '../storage/meta.repository';

export type NewOutboxEntry = Pick<OutboxEntry, 'name' | 'version' | 'args' | 'createdAt'>;

/**
 * Appends one mutation with the next `mid` and a ticked clock. Must run inside the
 * read-write transaction that applies the change (over `outbox` and `meta`): the change
 * and its entry are committed together or not at all, and two writers never get the
 * same `mid`.
 */
export async function appendToOutbox(db: JejakDb, entry: NewOutboxEntry): Promise<OutboxEntry> {
  const clientId = await ensureClientId(db);
  const lastKey = await db.outbox.orderBy('mid').lastKey();
  const mid = Math.max((await readMeta(db, 'lastMid')) ?? 0, typeof lastKey === 'number' ? lastKey : 0) + 1;
  const previous = decodeHlc((await readMeta(db, 'hlc')) ?? '');
  const hlc = encodeHlc(tickHlc(previous, Date.parse(entry.createdAt), clientId));
  const row: OutboxEntry = { ...entry, mid, clientId, hlc, status: 'pending', rejection: null };
  await db.outbox.add(row);
  await writeMeta(db, 'lastMid', mid);
  await writeMeta(db, 'hlc', hlc);
  return row;
}
