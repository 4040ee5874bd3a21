import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import type { DatabaseKind } from '../db/database';
import type { Database } from '../db/schema';
import { RETRY_AFTER_SECONDS } from '../http/on-error';

type HealthDeps = { db: Kysely<Database>; dbKind: DatabaseKind; version: string };

/**
 * `GET /api/health`. It really queries the database, so a load balancer stops sending
 * traffic to an instance that lost its database. An unreachable database is the
 * expected answer of a health check, hence a 503 value rather than a thrown error.
 */
export function healthRoutes({ db, dbKind, version }: HealthDeps): Hono {
  return new Hono().get('/health', async (c) => {
    const reachable = await sql`select 1`.execute(db).then(
      () => true,
      (error: unknown) => {
        // One line, not a stack: a load balancer may ask every few seconds.
        console.error(`Health check: the database did not answer: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
        return false;
      },
    );
    return reachable
      ? c.json({ ok: true, version, database: dbKind })
      : c.json({ ok: false, version, database: 'unavailable', error: 'database unreachable' }, 503, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
  });
}
