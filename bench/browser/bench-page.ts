import { Dexie, type Table } from 'dexie';
import { openDb, type OutboxEntry } from '../../src/client/storage/db';
import type { BenchGlobals, Outcome } from './globals';

/**
 * The baselines, run in the bench page (its own origin, same browser): the plainest way
 * to move the same rows. Pull: keyset pages of each table as JSON, each written with
 * Dexie `bulkPut` into the app's own schema (same stores and indexes). Push: a Dexie
 * outbox drained by a loop that POSTs a batch, then deletes it.
 */

const TABLES = ['providers', 'vocations', 'users', 'cohorts', 'alumni', 'enrollments', 'followUps'] as const;


async function baselinePull(dbName: string, pageSize: number): Promise<Outcome> {
  const db = openDb(dbName);
  await db.open();
  const started = performance.now();
  let rows = 0;
  let requests = 0;
  // Fetching the next page overlaps storing this one, as the app's pull does.
  const fetchPage = async (name: string, after: string): Promise<{ id: string }[]> => {
    requests += 1;
    const response = await fetch(`/bare/pull/${name}?after=${encodeURIComponent(after)}&limit=${pageSize}`);
    return (await response.json()) as { id: string }[];
  };
  for (const name of TABLES) {
    const table = db[name] as unknown as Table<{ id: string }, string>;
    let after = '';
    let next = fetchPage(name, after);
    for (;;) {
      const page = await next;
      const last = page.at(-1);
      const more = last !== undefined && page.length === pageSize;
      if (more) next = fetchPage(name, last.id);
      await db.transaction('rw', table, db.meta, async () => {
        await table.bulkPut(page);
        await db.meta.put({ key: 'cursor', value: { [name]: last?.id ?? after } });
      });
      rows += page.length;
      if (!more) break;
      after = last.id;
    }
  }
  const ms = performance.now() - started;
  db.close();
  return { ms, rows, requests };
}

class PushDb extends Dexie {
  declare readonly outbox: Table<OutboxEntry, number>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ outbox: 'mid, createdAt' });
  }
}

async function baselinePush(dbName: string, entries: OutboxEntry[], batchSize: number): Promise<Outcome> {
  const db = new PushDb(dbName);
  await db.outbox.bulkAdd(entries);
  const started = performance.now();
  let requests = 0;
  for (;;) {
    const batch = await db.outbox.orderBy('mid').limit(batchSize).toArray();
    if (batch.length === 0) break;
    const response = await fetch('/bare/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mutations: batch.map(({ mid, args }) => ({ mid, args })) }),
    });
    requests += 1;
    const { lastMid } = (await response.json()) as { lastMid: number };
    await db.outbox.where('mid').belowOrEqual(lastMid).delete();
  }
  const ms = performance.now() - started;
  db.close();
  return { ms, rows: entries.length, requests };
}

Object.assign(globalThis, { jejakBench: { baselinePull, baselinePush } satisfies BenchGlobals['jejakBench'] });
