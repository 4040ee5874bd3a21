import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { AppEnv, Clock } from '../auth/context';
import type { Database } from '../db/schema';
import { alumniRoutes } from './data/alumni.routes';
import { cohortsRoutes } from './data/cohorts.routes';
import { enrollmentsRoutes } from './data/enrollments.routes';
import { followUpsRoutes } from './data/follow-ups.routes';

export type RouteDeps = { db: Kysely<Database>; clock: Clock };

/**
 * Cohorts, alumni, enrollments and follow-ups. Every route asks the scope module: reads
 * through `providerScope` and the `assert…InScope` checks (out of scope answers 404),
 * writes through the functions in `server/changes`, which the sync push will call too.
 * The app-wide middleware has already required a session.
 */
export function dataRoutes(deps: RouteDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .route('/', cohortsRoutes(deps))
    .route('/', alumniRoutes(deps))
    .route('/', enrollmentsRoutes(deps))
    .route('/', followUpsRoutes(deps));
}
