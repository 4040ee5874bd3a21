import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv, Clock } from '../auth/context';
import type { Database } from '../db/schema';
import { auditRoutes } from './admin/audit.routes';
import { catalogRoutes } from './admin/catalog.routes';
import { usersRoutes } from './admin/users.routes';

export type RouteDeps = { db: Kysely<Database>; clock: Clock };

/**
 * Users, providers, vocations and the audit log. Each route asks the scope module who
 * may call it; the app-wide middleware has already required a session.
 */
export function adminRoutes(deps: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', usersRoutes(deps))
    .route('/', catalogRoutes(deps))
    .route('/', auditRoutes(deps));
}
