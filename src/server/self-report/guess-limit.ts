import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';

/**
 * Someone trying tokens at random finds nothing in 2^128, but should not get to try for
 * free: lookups of tokens that do not exist are counted per client address, in the
 * database (so the count holds across restarts and instances), and past the limit every
 * lookup from that address is refused for the rest of the window. A person who mistypes
 * their link a few times never comes near it.
 */
export const GUESS_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perAddress: 10,
  /** Rows older than this are pruned on the way. */
  keepMs: 24 * 60 * 60 * 1000,
} as const;

/** Throws 429 `rate-limited` with `Retry-After` when `address` missed too often lately. */
export async function assertNotGuessing(db: Kysely<Database>, address: string, now: Date): Promise<void> {
  const misses = await db
    .selectFrom('selfReportMisses')
    .select('missedAt')
    .where('address', '=', address)
    .where('missedAt', '>', new Date(now.getTime() - GUESS_LIMITS.windowMs).toISOString())
    .orderBy('missedAt', 'desc')
    .limit(GUESS_LIMITS.perAddress)
    .execute();
  if (misses.length < GUESS_LIMITS.perAddress) return;
  // Free again once the oldest of the last `perAddress` misses leaves the window.
  const oldest = misses[misses.length - 1]!;
  const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(oldest.missedAt) + GUESS_LIMITS.windowMs - now.getTime()) / 1000));
  throw new DomainError('rate-limited', 429, {
    message: `too many unknown links from this address; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
    details: { retryAfterSeconds },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** Counts one lookup of a token that does not exist, and prunes old rows. */
export async function recordMiss(db: Kysely<Database>, address: string, now: Date): Promise<void> {
  await db.insertInto('selfReportMisses').values({ id: randomUUID(), address: address.slice(0, 100), missedAt: now.toISOString() }).execute();
  await db.deleteFrom('selfReportMisses').where('missedAt', '<', new Date(now.getTime() - GUESS_LIMITS.keepMs).toISOString()).execute();
}
