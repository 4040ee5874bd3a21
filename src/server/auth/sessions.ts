import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import type { Database } from '../db/schema';

export const SESSION_COOKIE = 'jejak_session';

/**
 * Sessions slide: each use moves the expiry this far ahead. Officers may be away from
 * any signal for weeks; their phone keeps working offline regardless, and the server
 * session only has to outlive a normal gap between syncs.
 */
export const SESSION_IDLE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn every read into a write.
const TOUCH_AFTER_MS = 60 * 60 * 1000;

/** The cookie value: 32 random bytes. Only its hash is stored, so a leaked table cannot sign anyone in. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type NewSession = { token: string; sessionId: string; expiresAt: Date };

export async function createSession(
  db: Kysely<Database>,
  userId: string,
  now: Date,
  userAgent: string | null = null,
): Promise<NewSession> {
  const token = newSessionToken();
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_DAYS * DAY_MS);
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      userId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      lastSeenAt: now.toISOString(),
      userAgent: userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, sessionId, expiresAt };
}

export type SessionLookup =
  /** `renewedUntil`: the expiry moved (at most hourly); the cookie's Max-Age should follow it. */
  | { kind: 'valid'; sessionId: string; user: SessionUser; renewedUntil: Date | null; mustChangePassword: boolean }
  | { kind: 'expired' }
  | { kind: 'none' };

/**
 * The user behind a cookie token. A session of a deactivated user counts as none
 * (deactivation also deletes them; this guards the moment in between). An expired
 * session is deleted and reported as such, so the client can say "sign in again".
 */
export async function lookupSession(db: Kysely<Database>, token: string, now: Date): Promise<SessionLookup> {
  const sessionId = sessionIdOf(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .leftJoin('providers', 'providers.id', 'users.providerId')
    .select([
      'sessions.expiresAt',
      'sessions.lastSeenAt',
      'users.id',
      'users.username',
      'users.displayName',
      'users.role',
      'users.providerId',
      'users.active',
      'users.managesCohorts',
      'users.mustChangePassword',
      'providers.name as providerName',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || !Number(row.active)) return { kind: 'none' };
  if (Date.parse(row.expiresAt) <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    return { kind: 'expired' };
  }
  let renewedUntil: Date | null = null;
  if (now.getTime() - Date.parse(row.lastSeenAt) > TOUCH_AFTER_MS) {
    renewedUntil = new Date(now.getTime() + SESSION_IDLE_DAYS * DAY_MS);
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: now.toISOString(), expiresAt: renewedUntil.toISOString() })
      .where('id', '=', sessionId)
      .execute();
  }
  return {
    kind: 'valid',
    sessionId,
    renewedUntil,
    mustChangePassword: Boolean(Number(row.mustChangePassword)),
    user: {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      providerId: row.providerId,
      providerName: row.providerName ?? null,
      managesCohorts: Boolean(Number(row.managesCohorts)),
    },
  };
}

export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/**
 * Ends every session of a user: on deactivation, role or provider change, password
 * reset. `except` keeps one (the session that changed its own password stays signed in).
 */
export async function deleteSessionsOfUser(
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  except?: string,
): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (except !== undefined) query = query.where('id', '!=', except);
  await query.execute();
}
