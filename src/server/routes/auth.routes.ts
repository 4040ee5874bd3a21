import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { ChangePasswordSchema, LoginRequestSchema, type SessionResponse } from '../../shared/api/auth.api';
import type { AppEnv, Clock } from '../auth/context';
import { currentSessionId, currentUser } from '../auth/require-user';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
import { deleteSession } from '../auth/sessions';
import { checkCurrentPassword, signIn } from '../auth/sign-in';
import type { Database } from '../db/schema';
import { clientAddress } from '../http/request-origin';
import { parseBody } from '../http/parse-body';
import { findLoginAccount } from '../users/users.repository';
import { setOwnPassword } from '../users/users.service';

export type RouteDeps = { db: Kysely<Database>; clock: Clock; trustProxy?: boolean };

/**
 * Signing in and out, who am I, and changing one's own password. Only login is public
 * (see PUBLIC_API_PATHS); the app-wide middleware has already required a session for
 * the others. No `use('*')` here: mounted at /api it would run for every API path.
 */
export function authRoutes({ db, clock, trustProxy = false }: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/auth/login', async (c) => {
      const { username, password } = await parseBody(c, LoginRequestSchema);
      const now = clock();
      const address = clientAddress(c, trustProxy);
      const { user, mustChangePassword, session } = await signIn(
        db,
        { username, password, address, userAgent: c.req.header('user-agent') ?? null },
        now,
      );
      setSessionCookie(c, session.token, session.expiresAt, now, trustProxy);
      return c.json({ user, mustChangePassword } satisfies SessionResponse);
    })
    .post('/auth/logout', async (c) => {
      await deleteSession(db, currentSessionId(c));
      clearSessionCookie(c, trustProxy);
      return c.body(null, 204);
    })
    .get('/auth/me', async (c) => {
      const user = currentUser(c);
      const account = await findLoginAccount(db, { id: user.id });
      return c.json({ user, mustChangePassword: account?.mustChangePassword ?? false } satisfies SessionResponse);
    })
    .post('/auth/password', async (c) => {
      const { currentPassword, newPassword } = await parseBody(c, ChangePasswordSchema);
      const user = currentUser(c);
      const now = clock();
      await checkCurrentPassword(db, user, currentPassword, clientAddress(c, trustProxy), now);
      await setOwnPassword(db, { id: user.id, sessionId: currentSessionId(c) }, newPassword, now);
      return c.body(null, 204);
    });
}
