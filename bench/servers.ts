import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp } from '../src/server/app';
import { ALUMNUS_FIELDS } from '../src/server/db/alumni.repository';
import { COHORT_FIELDS } from '../src/server/db/cohorts.repository';
import { createDatabase } from '../src/server/db/database';
import { ENROLLMENT_FIELDS } from '../src/server/db/enrollments.repository';
import { FOLLOW_UP_FIELDS } from '../src/server/db/follow-ups.repository';
import { BOOLEAN_FIELDS, fromRow, toRow } from '../src/server/db/rows';
import type { Database } from '../src/server/db/schema';

export type Running = { origin: string; stop(): Promise<void> };

/** The app as `jejak serve` runs it (createApp over the SQLite file), serving the bench's own build. */
export async function startAppServer(dbPath: string, distDir: string): Promise<Running> {
  const database = createDatabase({ kind: 'sqlite', path: dbPath });
  const app = createApp({ db: database.db, dbKind: 'sqlite', version: 'bench', distDir });
  return listen(app.fetch, () => database.close());
}

/** The tables a baseline pull reads, parents first, with the fields a pull sends. */
export const BARE_TABLES = {
  providers: ['id', 'createdAt', 'updatedAt', 'deleted', 'name', 'kind', 'address', 'phone'],
  vocations: ['id', 'createdAt', 'updatedAt', 'deleted', 'name'],
  users: ['id', 'createdAt', 'updatedAt', 'username', 'displayName', 'role', 'providerId', 'active'],
  cohorts: COHORT_FIELDS,
  alumni: ALUMNUS_FIELDS,
  enrollments: ENROLLMENT_FIELDS,
  followUps: FOLLOW_UP_FIELDS,
} as const;
export type BareTable = keyof typeof BARE_TABLES;

const BOOLEANS: Record<BareTable, readonly string[]> = { ...BOOLEAN_FIELDS, users: ['active'] };

export type BareMutation = { mid: number; args: Record<string, unknown> };

/**
 * The baseline: nothing but keyset pages of each table as JSON, and an endpoint that
 * upserts pushed follow-ups into the same table — no session, scope, validation,
 * dedupe, audit or change feed. Also serves the bench page and its bundle.
 */
export async function startBareServer(dbPath: string, officerId: string, page: { html: string; script: string }): Promise<Running> {
  const database = createDatabase({ kind: 'sqlite', path: dbPath });
  const db = database.db;
  const app = new Hono()
    .get('/', (c) => c.html(page.html))
    .get('/bench.js', (c) => c.body(page.script, 200, { 'content-type': 'text/javascript' }))
    .get('/bare/pull/:table', async (c) => {
      const table = c.req.param('table') as BareTable;
      const fields = BARE_TABLES[table] as readonly string[] | undefined;
      if (fields === undefined) return c.notFound();
      const after = c.req.query('after') ?? '';
      const limit = Number(c.req.query('limit') ?? 1000);
      const rows = (await db
        .selectFrom(table)
        .select(fields as unknown as 'id'[])
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute()) as Record<string, unknown>[];
      return c.json(rows.map((row) => fromRow(row, BOOLEANS[table])));
    })
    .post('/bare/push', async (c) => {
      const { mutations } = await c.req.json<{ mutations: BareMutation[] }>();
      await upsertFollowUps(db, officerId, mutations);
      return c.json({ lastMid: mutations.at(-1)?.mid ?? 0 });
    });
  return listen(app.fetch, () => database.close());
}

/** One transaction per batch, one upsert per mutation. */
async function upsertFollowUps(db: Kysely<Database>, officerId: string, mutations: readonly BareMutation[]): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (const { args } of mutations) {
      const row = toRow({ ...args, officerId, createdAt: at, updatedAt: at, voidedAt: null, voidedBy: null, voidReason: '' }) as never;
      await trx
        .insertInto('followUps')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    }
  });
}

function listen(fetch: (request: Request) => Response | Promise<Response>, close: () => Promise<void>): Promise<Running> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
    server.once('error', reject);
    server.once('listening', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => void close().then(done, done));
          }),
      });
    });
  });
}
