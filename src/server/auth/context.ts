import type { SessionUser } from '../../shared/api/auth.api';

/** What the auth middleware puts on every /api request's context. */
export type AuthVariables = {
  /** The signed-in user; absent on public routes (health, login). */
  user?: SessionUser;
  /** The session row id (a hash of the cookie token). */
  sessionId?: string;
};

/** Hono's environment type for every API route: `new Hono<AppEnv>()`. */
export type AppEnv = { Variables: AuthVariables };

/** The clock every server module reads, so tests can move time (session expiry, rate limits). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
