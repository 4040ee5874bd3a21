import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { AbsorptionQuerySchema, type AbsorptionReport } from '../../shared/api/reports.api';
import { assertAllowed } from '../access/scope';
import type { AppEnv } from '../auth/context';
import { currentUser } from '../auth/require-user';
import type { Database } from '../db/schema';
import { parseQuery } from '../http/parse-query';
import { absorptionReport } from '../reports/absorption-report';

/**
 * `GET /api/reports/absorption?asOf=YYYY-MM-DD&groupBy=provider,funding-source`:
 * supervisors and admins. Officers and provider staff get 403: the figures cover every
 * provider, and provider staff may see only their own (their cohort screens show it).
 */
export function reportsRoutes({ db }: { db: Kysely<Database> }): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/reports/absorption', async (c) => {
    assertAllowed(currentUser(c), 'read-reports');
    const query = parseQuery(c, AbsorptionQuerySchema);
    return c.json(await absorptionReport(db, query) satisfies AbsorptionReport);
  });
}
