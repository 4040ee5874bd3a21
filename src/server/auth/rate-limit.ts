import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';

/**
 * Failed sign-ins are limited per username (guessing one account's password) and per
 * client address (trying many accounts). Attempts live in `login_attempts`, so limits
 * hold across restarts and across several server instances on one PostgreSQL.
 */
export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  perUsername: 5,
  perAddress: 20,
  /** Rows older than this are pruned; kept a day so an operator can look at recent attempts. */
  keepMs: 24 * 60 * 60 * 1000,
} as const;

export type LoginAttempt = { ids: string[]; userKey: string };

type Key = { key: string; limit: number };

/**
 * Records an attempt as failed before the password is checked, then counts. Counting
 * after our own insert means that of many concurrent guesses only `limit` get through
 * to a password check, not all of those that read the count before any was written.
 * A refused attempt removes its rows again, so hammering a locked account does not
 * extend the lock. Throws 429 `rate-limited` with `Retry-After`.
 */
export async function reserveLoginAttempt(
  db: Kysely<Database>,
  who: { username: string; address: string },
  now: Date,
): Promise<LoginAttempt> {
  const keys: Key[] = [
    // Usernames are at most 32 characters; a longer one is no account, only keep it bounded.
    { key: `user:${who.username.slice(0, 64)}`, limit: LOGIN_LIMITS.perUsername },
    { key: `ip:${who.address}`, limit: LOGIN_LIMITS.perAddress },
  ];
  const rows = keys.map(({ key }) => ({ id: randomUUID(), key, attemptedAt: now.toISOString(), succeeded: 0 }));
  await db.insertInto('loginAttempts').values(rows).execute();
  const ids = rows.map((row) => row.id);

  let retryAt = 0;
  for (const key of keys) retryAt = Math.max(retryAt, await blockedUntil(db, key, ids, now));
  if (retryAt > now.getTime()) {
    await db.deleteFrom('loginAttempts').where('id', 'in', ids).execute();
    throw rateLimited(Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)));
  }
  return { ids, userKey: keys[0]!.key };
}

/** When the key may try again, or 0 when it may now: when enough old failures leave the window. */
async function blockedUntil(db: Kysely<Database>, { key, limit }: Key, ownIds: readonly string[], now: Date): Promise<number> {
  const failures = await db
    .selectFrom('loginAttempts')
    .select(['id', 'attemptedAt'])
    .where('key', '=', key)
    .where('succeeded', '=', 0)
    .where('attemptedAt', '>', new Date(now.getTime() - LOGIN_LIMITS.windowMs).toISOString())
    .orderBy('attemptedAt')
    .execute();
  if (failures.length <= limit) return 0;
  const earlier = failures.filter((failure) => !ownIds.includes(failure.id));
  // With n earlier failures, one more may try once the (n - limit)th oldest has left the window.
  const freeing = earlier[earlier.length - limit] ?? earlier[0];
  return freeing === undefined ? 0 : Date.parse(freeing.attemptedAt) + LOGIN_LIMITS.windowMs;
}

function rateLimited(retryAfterSeconds: number): DomainError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new DomainError('rate-limited', 429, {
    message: `too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
    details: { retryAfterSeconds },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/**
 * Settles a reserved attempt. A correct password turns it into a success and forgives
 * the username's earlier failures (the address keeps its count: it may be guessing at
 * other accounts). A wrong one stays recorded as a failure. Old rows are pruned here,
 * on the way, rather than by a timer the server would otherwise need.
 */
export async function settleLoginAttempt(db: Kysely<Database>, attempt: LoginAttempt, passwordCorrect: boolean, now: Date): Promise<void> {
  if (passwordCorrect) {
    await db.updateTable('loginAttempts').set({ succeeded: 1 }).where('id', 'in', attempt.ids).execute();
    await db.deleteFrom('loginAttempts').where('key', '=', attempt.userKey).where('succeeded', '=', 0).execute();
  }
  await db
    .deleteFrom('loginAttempts')
    .where('attemptedAt', '<', new Date(now.getTime() - LOGIN_LIMITS.keepMs).toISOString())
    .execute();
}
