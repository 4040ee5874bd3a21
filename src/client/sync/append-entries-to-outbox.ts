import { decodeHlc, encodeHlc, tickHlc } from '../../shared/sync/hlc';
import type { JejakDb, OutboxEntry } from '../storage/db';
import { ensureClientId, readMeta, writeMeta } from '../storage/meta.repository';

export type NewOutboxEntry = Pick<OutboxEntry, 'name' | 'version' | 'args' | 'createdAt'>;

/**
 * Appends mutations in order, each with the next `mid` and a clock ticked past the one
 * before. Must run inside the read-write transaction that applies the changes (over
 * `outbox` and `meta`): the changes and their entries are committed together or not at
 * all, and two writers never get the same `mid`. The counters are read and written once
 * for the lot, and the rows added in one request: an import of thousands of rows spends
 * its time on the people, not on the queue's bookkeeping.
 */
export async function appendEntriesToOutbox(db: JejakDb, entries: readonly NewOutboxEntry[]): Promise<OutboxEntry[]> {
  if (entries.length === 0) return [];
  const clientId = await ensureClientId(db);
  const lastKey = await db.outbox.orderBy('mid').lastKey();
  let mid = Math.max((await readMeta(db, 'lastMid')) ?? 0, typeof lastKey === 'number' ? lastKey : 0);
  let previous = decodeHlc((await readMeta(db, 'hlc')) ?? '');
  const rows = entries.map((entry): OutboxEntry => {
    mid += 1;
    const clock = tickHlc(previous, Date.parse(entry.createdAt), clientId);
    previous = clock;
    return { ...entry, mid, clientId, hlc: encodeHlc(clock), status: 'pending', rejection: null };
  });
  await db.outbox.bulkAdd(rows);
  await writeMeta(db, 'lastMid', mid);
  await writeMeta(db, 'hlc', rows.at(-1)?.hlc ?? '');
  return rows;
}
