import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api/auth.api';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import type { AppEnv, Clock } from './context';
import { setSessionCookie } from './session-cookie';
import { SESSION_COOKIE, lookupSession } from './sessions';

/**
 * Puts the signed-in user on the context, or refuses with 401: `unauthenticated` when
 * there is no (valid) session, `session-expired` when there was one and it lapsed (the
 * app then asks the same user to sign in again and keeps their queued changes).
 *
 * When the sliding expiry moves, the cookie is sent again with the new Max-Age: the
 * browser would otherwise drop it 30 days after login however active the user was.
 */
/**
 * What a user whose password someone else chose (the first admin's printed one, an
 * admin's reset) may do before choosing their own: see who they are, change it, sign out.
 */
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout']);

export function requireUser(db: Kysely<Database>, clock: Clock, options: { trustProxy?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token === undefined || token === '') throw new DomainError('unauthenticated', 401);
    const now = clock();
    const session = await lookupSession(db, token, now);
    if (session.kind === 'expired') throw new DomainError('session-expired', 401);
    if (session.kind === 'none') throw new DomainError('unauthenticated', 401);
    // A password someone else chose opens nothing but the way to change it.
    if (session.mustChangePassword && !OPEN_BEFORE_PASSWORD_CHANGE.has(`${c.req.method} ${c.req.path}`)) {
      throw new DomainError('password-change-required', 403, { message: 'change the password someone else chose first: POST /api/auth/password' });
    }
    c.set('user', session.user);
    c.set('sessionId', session.sessionId);
    if (session.renewedUntil !== null) setSessionCookie(c, token, session.renewedUntil, now, options.trustProxy ?? false);
    await next();
  };
}

/** The user `requireUser` set; a route that forgot the middleware fails loudly, not open. */
export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user');
  if (user === undefined) throw new Error('currentUser() on a route without requireUser()');
  return user;
}

/** The session `requireUser` found (its id is the hash of the cookie token). */
export function currentSessionId(c: Context<AppEnv>): string {
  const sessionId = c.get('sessionId');
  if (sessionId === undefined) throw new Error('currentSessionId() on a route without requireUser()');
  return sessionId;
}
