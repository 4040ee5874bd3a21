import { openDb, userDbName, type OutboxEntry } from '../../src/client/storage/db';
import type { BenchGlobals } from './globals';
import * as v from 'valibot';
import { MUTATIONS } from '../../src/shared/sync/mutations';
import { appendToOutbox } from '../../src/client/sync/append-to-outbox';
import { applyLocally } from '../../src/client/sync/local-appliers';
import { LocalStore } from '../../src/client/sync/local-store';
import { newRecordId } from '../../src/shared/record-id';

/**
 * Injected into the signed-in app's page: queues follow-ups as the follow-up screen
 * does, with the app's own mutation layer — arguments parsed by the mutation's schema,
 * the local applier (record, base), `appendToOutbox` (mid, clock, meta) — but all in
 * one transaction rather than one per change, so that setting up 5,000 takes seconds.
 * The rows are those `mutate` writes.
 */
async function queueFollowUps(userId: string, providerId: string | null, count: number): Promise<number> {
  const db = openDb(userDbName(userId));
  const alumni = await db.alumni.limit(count).primaryKeys();
  const day = new Date().toISOString().slice(0, 10);
  const { version, args: schema } = MUTATIONS['follow-up.log'];
  let queued = 0;
  await db.transaction('rw', db.tables, async () => {
    const store = new LocalStore(db);
    for (let i = 0; i < count; i += 1) {
      const alumnusId = alumni[i % alumni.length];
      if (alumnusId === undefined) break;
      const reached = i % 3 !== 0;
      const args = v.parse(schema, {
        id: newRecordId(),
        alumnusId,
        contactedAt: new Date(Date.now() - (count - i) * 60_000).toISOString(),
        channel: i % 2 === 0 ? 'phone' : 'whatsapp',
        reached,
        ...(reached
          ? { status: 'seeking', notes: 'Masih mencari kerja, minta info lowongan di kawasan industri.', nextFollowUpDate: day }
          : { unreachedReason: 'no-answer', notes: 'Ditelepon tidak diangkat.' }),
      });
      const at = new Date().toISOString();
      await applyLocally({ store, actor: { id: userId, role: 'officer', providerId }, at }, 'follow-up.log', args);
      await appendToOutbox(db, { name: 'follow-up.log', version, args, createdAt: at });
      queued += 1;
    }
  });
  db.close();
  return queued;
}

/** The outbox rows as the app wrote them, for the baseline to push the same mutations. */
async function outboxRows(userId: string): Promise<OutboxEntry[]> {
  const db = openDb(userDbName(userId));
  const rows = await db.outbox.orderBy('mid').toArray();
  db.close();
  return rows;
}

/**
 * Resolves with the milliseconds from the page's next `online` event (what starts the
 * engine's push once the network is back) to the moment the outbox holds no row.
 */
async function timeUntilOutboxEmpty(userId: string): Promise<number> {
  const db = openDb(userDbName(userId));
  const online = new Promise<number>((resolve) => addEventListener('online', () => resolve(performance.now()), { once: true }));
  const started = await online;
  for (;;) {
    if ((await db.outbox.count()) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const ms = performance.now() - started;
  db.close();
  return ms;
}

Object.assign(globalThis, { jejakBenchApp: { queueFollowUps, outboxRows, timeUntilOutboxEmpty } satisfies BenchGlobals['jejakBenchApp'] });
