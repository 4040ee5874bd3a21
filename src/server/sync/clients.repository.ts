import { sql, type Kysely } from 'kysely';
import type { MutationResult } from '../../shared/sync/protocol';
import { multiRowInsert } from '../db/multi-row-insert';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';

/**
 * Devices (`clients`) and what became of their mutations. A device id belongs to the
 * first user who syncs with it: another user presenting it could otherwise read the
 * first one's `lastMid` and settled results, or have their mutations skipped.
 */

/** The device's last settled mid, registering the device to `userId` on first use; 403 when it is someone else's. */
export async function claimClient(db: Kysely<Database>, clientId: string, userId: string, now: Date): Promise<number> {
  let row = await db.selectFrom('clients').select(['userId', 'lastMid']).where('clientId', '=', clientId).executeTakeFirst();
  if (row === undefined) {
    const at = now.toISOString();
    await db
      .insertInto('clients')
      .values({ clientId, userId, lastMid: 0, createdAt: at, updatedAt: at })
      .onConflict((oc) => oc.column('clientId').doNothing())
      .execute();
    row = await db.selectFrom('clients').select(['userId', 'lastMid']).where('clientId', '=', clientId).executeTakeFirstOrThrow();
  }
  if (row.userId !== userId) throw new DomainError('forbidden', 403, { message: 'this device id is registered to another user' });
  return Number(row.lastMid);
}

/**
 * The `lastMid` a pull answers: how far the device may drop its pending outbox rows as
 * settled. That is its last settled mid, but never past a refused one: a pull carries no
 * results, so a device that learnt of a settlement from a pull alone (the push answer was
 * lost) would delete a refused change instead of showing it to the user. Rows from the
 * first refusal on stay pending until the next push, whose answer carries the stored
 * refusal. The cap lifts once the device says it has settled the refusal (its results
 * are then forgotten: forgetSettledResults).
 */
export async function droppableMid(db: Kysely<Database>, clientId: string, lastMid: number): Promise<number> {
  const refused = await db
    .selectFrom('mutationResults')
    .select((eb) => eb.fn.min('mid').as('mid'))
    .where('clientId', '=', clientId)
    .where('status', '=', 'rejected')
    .executeTakeFirst();
  const first = refused?.mid === null || refused?.mid === undefined ? null : Number(refused.mid);
  return first === null ? lastMid : Math.min(lastMid, first - 1);
}

/**
 * The device's last settled mid and the instant its last change was stamped with
 * (`updatedAt`, written by settleMutations), read under the row's write lock until the
 * transaction ends: two pushes of one device at once (two tabs) settle each mid once,
 * and in order. An UPDATE rather than SELECT … FOR UPDATE, which SQLite does not have.
 */
export async function lockClient(trx: Kysely<Database>, clientId: string): Promise<{ lastMid: number; lastStamp: Date }> {
  const row = await trx
    .updateTable('clients')
    .set({ lastMid: sql<number>`last_mid` })
    .where('clientId', '=', clientId)
    .returning(['lastMid', 'updatedAt'])
    .executeTakeFirstOrThrow();
  return { lastMid: Number(row.lastMid), lastStamp: new Date(row.updatedAt) };
}

/** A settled mutation's result and when it was settled. */
export type Settlement = { result: MutationResult; at: Date };

/** Rows per INSERT: 7 parameters each, under the 999 bound values of old SQLite builds. */
const RESULTS_PER_INSERT = 140;

type ResultRow = Database['mutationResults'];

const insertResultRows = multiRowInsert(['clientId', 'mid', 'status', 'code', 'message', 'detailsJson', 'at'], RESULTS_PER_INSERT, (db, rows: ResultRow[]) =>
  db.insertInto('mutationResults').values(rows),
);

/**
 * Stores the results of `settled` (in `mid` order) and advances the device's `lastMid` to
 * the last of them, in the caller's transaction: they commit with the changes, or not at all.
 */
export async function settleMutations(trx: Kysely<Database>, clientId: string, settled: readonly Settlement[]): Promise<void> {
  const last = settled.at(-1);
  if (last === undefined) return;
  const rows = settled.map(({ result, at }): ResultRow => {
    const rejected = result.status === 'rejected' ? result : null;
    const details = rejected === null ? undefined : { details: rejected.details, current: rejected.current };
    return {
      clientId,
      mid: result.mid,
      status: result.status,
      code: rejected?.code ?? null,
      message: rejected?.message ?? null,
      detailsJson: details === undefined || (details.details === undefined && details.current === undefined) ? null : JSON.stringify(details),
      at: at.toISOString(),
    };
  });
  await insertResultRows(trx, rows);
  await trx.updateTable('clients').set({ lastMid: last.result.mid, updatedAt: last.at.toISOString() }).where('clientId', '=', clientId).execute();
}

/**
 * Forgets the stored results the device says it has settled (`settledMid`, never past
 * the server's own `lastMid`): what is kept per device is then only what it has not yet
 * heard, and a pull's look for refusals (droppableMid) reads that much, not its history.
 */
export async function forgetSettledResults(db: Kysely<Database>, clientId: string, settledMid: number | undefined, lastMid: number): Promise<void> {
  if (settledMid === undefined || settledMid <= 0) return;
  await db.deleteFrom('mutationResults').where('clientId', '=', clientId).where('mid', '<=', Math.min(settledMid, lastMid)).execute();
}

/** The stored results of `mids`, for a push that resends mutations already settled (its response was lost). */
export async function settledResults(db: Kysely<Database>, clientId: string, mids: readonly number[]): Promise<Map<number, MutationResult>> {
  const results = new Map<number, MutationResult>();
  for (let start = 0; start < mids.length; start += 500) {
    const rows = await db
      .selectFrom('mutationResults')
      .select(['mid', 'status', 'code', 'message', 'detailsJson'])
      .where('clientId', '=', clientId)
      .where('mid', 'in', mids.slice(start, start + 500))
      .execute();
    for (const row of rows) results.set(Number(row.mid), toResult(row));
  }
  return results;
}

function toResult(row: { mid: number; status: 'applied' | 'rejected'; code: string | null; message: string | null; detailsJson: string | null }): MutationResult {
  const mid = Number(row.mid);
  if (row.status === 'applied') return { mid, status: 'applied' };
  const extra = row.detailsJson === null ? {} : (JSON.parse(row.detailsJson) as { details?: unknown; current?: unknown });
  return {
    mid, status: 'rejected', code: row.code ?? 'internal', message: row.message ?? '',
    ...(extra.details === undefined ? {} : { details: extra.details }),
    ...(extra.current === undefined ? {} : { current: extra.current }),
  };
}
