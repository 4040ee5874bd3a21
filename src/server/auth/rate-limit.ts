import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';

/**
 * Failed sign-ins slow guessing down without locking people out. Attempts live in
 * `login_attempts`, so limits hold across restarts and across several server instances
 * on one PostgreSQL. Three counts, each over the last hour:
 *
 * - per (username, address): the first `freePerPair` failures cost nothing (people
 *   mistype); each further one waits `firstDelayMs`, doubling up to `maxDelayMs`, after
 *   the last. Nobody else is slowed by it: not the same account from another address,
 *   not colleagues behind the same office NAT address.
 * - per username, from every address: past `perUsername` failures, only addresses that
 *   have not failed on this account may try. A botnet then gets one guess per address
 *   per hour; the owner, at a desk that has not been guessing, still signs in.
 * - per address, over every username: past `perAddress` failures the address waits
 *   (password spraying), a ceiling no office reaches by mistyping.
 */
export const LOGIN_LIMITS = {
  windowMs: 60 * 60 * 1000,
  freePerPair: 5,
  firstDelayMs: 60 * 1000,
  maxDelayMs: 15 * 60 * 1000,
  perUsername: 100,
  perAddress: 300,
  /** Rows older than this are pruned; kept a day so an operator can look at recent attempts. */
  keepMs: 24 * 60 * 60 * 1000,
} as const;

export type LoginAttempt = { ids: string[]; pairKey: string };

type Failure = { id: string; attemptedAt: string };

/**
 * Records an attempt as failed before the password is checked, then counts. Counting
 * after our own insert means that concurrent guesses count each other, rather than all
 * reading the count before any was written. A refused attempt removes its rows again,
 * so hammering while waiting does not extend the wait. Throws 429 `rate-limited` with
 * `Retry-After`.
 */
export async function reserveLoginAttempt(
  db: Kysely<Database>,
  who: { username: string; address: string },
  now: Date,
): Promise<LoginAttempt> {
  // Usernames are at most 32 characters; a longer one is no account, only keep it bounded.
  const username = who.username.slice(0, 64);
  const keys = { pair: `pair:${username}|${who.address}`, user: `user:${username}`, address: `ip:${who.address}` };
  const rows = Object.values(keys).map((key) => ({ id: randomUUID(), key, attemptedAt: now.toISOString(), succeeded: 0 }));
  await db.insertInto('loginAttempts').values(rows).execute();
  const ids: string[] = rows.map((row) => row.id);

  const others = async (key: string) => (await failuresOf(db, key, now)).filter((failure) => !ids.includes(failure.id));
  const pair = await others(keys.pair);
  const retryAt = Math.max(
    pairRetryAt(pair),
    // Over the account's ceiling, an address that has been failing on it waits like any guesser.
    pair.length > 0 ? ceilingRetryAt(await others(keys.user), LOGIN_LIMITS.perUsername) : 0,
    ceilingRetryAt(await others(keys.address), LOGIN_LIMITS.perAddress),
  );
  if (retryAt > now.getTime()) {
    await db.deleteFrom('loginAttempts').where('id', 'in', ids).execute();
    throw rateLimited(Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)));
  }
  return { ids, pairKey: keys.pair };
}

/** The delay a pair's failures impose, counted from its last failure: none for the first few, then doubling. */
export function pairDelayMs(failures: number): number {
  const { freePerPair, firstDelayMs, maxDelayMs } = LOGIN_LIMITS;
  if (failures < freePerPair) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - freePerPair, 20));
}

function pairRetryAt(failures: readonly Failure[]): number {
  const last = failures.at(-1);
  return last === undefined ? 0 : Date.parse(last.attemptedAt) + pairDelayMs(failures.length);
}

/** When enough old failures leave the window to bring the count under `limit`; 0 when under it now. */
function ceilingRetryAt(failures: readonly Failure[], limit: number): number {
  if (failures.length < limit) return 0;
  const freeing = failures[failures.length - limit];
  return freeing === undefined ? 0 : Date.parse(freeing.attemptedAt) + LOGIN_LIMITS.windowMs;
}

async function failuresOf(db: Kysely<Database>, key: string, now: Date): Promise<Failure[]> {
  return db
    .selectFrom('loginAttempts')
    .select(['id', 'attemptedAt'])
    .where('key', '=', key)
    .where('succeeded', '=', 0)
    .where('attemptedAt', '>', new Date(now.getTime() - LOGIN_LIMITS.windowMs).toISOString())
    .orderBy('attemptedAt')
    .execute();
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
 * the pair's earlier failures (the username's and the address's counts stay: others
 * may be guessing at this account, or this address at other accounts). A wrong one stays recorded as a failure. Old rows are pruned here,
 * on the way, rather than by a timer the server would otherwise need.
 */
export async function settleLoginAttempt(db: Kysely<Database>, attempt: LoginAttempt, passwordCorrect: boolean, now: Date): Promise<void> {
  if (passwordCorrect) {
    await db.updateTable('loginAttempts').set({ succeeded: 1 }).where('id', 'in', attempt.ids).execute();
    await db.deleteFrom('loginAttempts').where('key', '=', attempt.pairKey).where('succeeded', '=', 0).execute();
  }
  await db
    .deleteFrom('loginAttempts')
    .where('attemptedAt', '<', new Date(now.getTime() - LOGIN_LIMITS.keepMs).toISOString())
    .execute();
}
