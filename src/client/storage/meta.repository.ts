import type { PullCursor } from '../../shared/sync/protocol';
import type { JejakDb } from './db';

/**
 * What `meta` holds, by key. Read and written inside the caller's transaction when
 * there is one (Dexie binds table calls to the transaction of the running zone).
 */
export type MetaValues = {
  /** This browser profile's id for this user's database, made once; the server keys `lastMid` by it. */
  clientId: string;
  /** The last `mid` handed out: settled outbox rows are deleted, so the outbox alone cannot tell. */
  lastMid: number;
  /** The hybrid logical clock of the last local mutation, encoded. */
  hlc: string;
  /** Where the next pull starts: a version per scope, or how far a first pull by person has come. */
  cursor: PullCursor;
  /** While a first pull by person runs: people stored so far of how many (the worklist says it is still loading). */
  firstPull: { sent: number; total: number };
  /** When a push and a complete pull last succeeded, ISO. */
  lastSyncedAt: string;
  /** Persistent storage granted, or refused and the user already told. */
  persistence: 'granted' | 'told';
};

export type MetaKey = keyof MetaValues;

export async function readMeta<K extends MetaKey>(db: JejakDb, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: JejakDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/** The client id, made on first use. Call inside a read-write transaction over `meta`. */
export async function ensureClientId(db: JejakDb): Promise<string> {
  const known = await readMeta(db, 'clientId');
  if (known !== undefined) return known;
  const made = crypto.randomUUID();
  await writeMeta(db, 'clientId', made);
  return made;
}
