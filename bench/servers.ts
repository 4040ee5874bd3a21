import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import SqliteDatabase from 'better-sqlite3';
import { createApp } from '../src/server/app';
import { ALUMNUS_FIELDS } from '../src/server/db/alumni.repository';
import { COHORT_FIELDS } from '../src/server/db/cohorts.repository';
import { createDatabase } from '../src/server/db/database';
import { IDLE_CHECKPOINT_MS } from '../src/server/db/idle-checkpoint';
import { ENROLLMENT_FIELDS } from '../src/server/db/enrollments.repository';
import { FOLLOW_UP_FIELDS } from '../src/server/db/follow-ups.repository';
import { BOOLEAN_FIELDS, fromRow, toRow } from '../src/server/db/rows';

export type Running = { origin: string; stop(): Promise<void> };

/** A running server and its own time answering the push and the pull requests so far. */
type TimedServer = Running & { pushMs: () => number; pullMs: () => number };

/**
 * The app as `jejak serve` runs it (createApp over the SQLite file), serving the bench's
 * own build. `idle` resolves once it has answered every request and then been asked
 * nothing for IDLE_CHECKPOINT_MS and a second more: what it does once writes pause
 * (moving the log into the database) is done, and does not slow the baseline timed next
 * in the same process.
 */
export async function startAppServer(dbPath: string, distDir: string): Promise<TimedServer & { idle: () => Promise<void> }> {
  const database = createDatabase({ kind: 'sqlite', path: dbPath });
  const app = createApp({ db: database.db, dbKind: 'sqlite', version: 'bench', distDir });
  const pushTime = serverTime('/api/sync/push');
  const pullTime = serverTime('/api/sync/pull');
  const activity = requestActivity();
  const running = await listen(activity.wrap(pullTime.wrap(pushTime.wrap(app.fetch))), () => database.close());
  return { ...running, pushMs: pushTime.ms, pullMs: pullTime.ms, idle: () => activity.quietFor(IDLE_CHECKPOINT_MS + 1000) };
}

/** Requests in flight, and when the last one was answered. */
function requestActivity() {
  let inFlight = 0;
  let lastAnswer = performance.now();
  const wrap = (fetch: (request: Request) => Response | Promise<Response>) => async (request: Request): Promise<Response> => {
    inFlight += 1;
    try {
      return await fetch(request);
    } finally {
      inFlight -= 1;
      lastAnswer = performance.now();
    }
  };
  const quietFor = async (ms: number) => {
    while (inFlight > 0 || performance.now() - lastAnswer < ms) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  return { wrap, quietFor };
}

/**
 * The server's own time answering requests to `path` (from the request to its answer's
 * last byte made), summed: the push figure without the browser's share, and how much
 * of a pull the server takes.
 */
function serverTime(path: string) {
  let total = 0;
  const wrap = (fetch: (request: Request) => Response | Promise<Response>) => async (request: Request): Promise<Response> => {
    if (!new URL(request.url).pathname.startsWith(path)) return fetch(request);
    const start = performance.now();
    const response = await fetch(request);
    const body = await response.arrayBuffer();
    total += performance.now() - start;
    return new Response(body, { status: response.status, headers: response.headers });
  };
  return { wrap, ms: () => total };
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
export async function startBareServer(dbPath: string, officerId: string, page: { html: string; script: string }): Promise<TimedServer> {
  // The fastest plain code: statements prepared once on a connection of its own.
  const raw = new SqliteDatabase(dbPath);
  raw.pragma('journal_mode = WAL');
  const upsert = bareUpsert(raw, officerId);
  const pulls = new Map<BareTable, SqliteDatabase.Statement>();
  const app = new Hono()
    .get('/', (c) => c.html(page.html))
    .get('/bench.js', (c) => c.body(page.script, 200, { 'content-type': 'text/javascript' }))
    .get('/bare/pull/:table', async (c) => {
      const table = c.req.param('table') as BareTable;
      const fields = BARE_TABLES[table] as readonly string[] | undefined;
      if (fields === undefined) return c.notFound();
      const after = c.req.query('after') ?? '';
      const limit = Number(c.req.query('limit') ?? 1000);
      let statement = pulls.get(table);
      if (statement === undefined) {
        const columns = fields.map((field) => `${snake(field)} as "${field}"`).join(', ');
        pulls.set(table, (statement = raw.prepare(`select ${columns} from ${snake(table)} where id > ? order by id limit ?`)));
      }
      const rows = statement.all(after, limit) as Record<string, unknown>[];
      return c.json(rows.map((row) => fromRow(row, BOOLEANS[table])));
    })
    .post('/bare/push', async (c) => {
      const { mutations } = await c.req.json<{ mutations: BareMutation[] }>();
      upsert(mutations);
      return c.json({ lastMid: mutations.at(-1)?.mid ?? 0 });
    });
  const pushTime = serverTime('/bare/push');
  const pullTime = serverTime('/bare/pull');
  const running = await listen(pullTime.wrap(pushTime.wrap(app.fetch)), () => {
    raw.close();
    return Promise.resolve();
  });
  return { ...running, pushMs: pushTime.ms, pullMs: pullTime.ms };
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** One transaction per batch, one prepared upsert per mutation. */
function bareUpsert(raw: SqliteDatabase.Database, officerId: string): (mutations: readonly BareMutation[]) => void {
  const columns = FOLLOW_UP_FIELDS.map(snake);
  const statement = raw.prepare(
    `insert into follow_ups (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) ` +
      `on conflict (id) do update set ${columns.filter((column) => column !== 'id').map((column) => `${column} = excluded.${column}`).join(', ')}`,
  );
  return raw.transaction((mutations: readonly BareMutation[]) => {
    const at = new Date().toISOString();
    for (const { args } of mutations) {
      const row = toRow({ ...args, officerId, createdAt: at, updatedAt: at, voidedAt: null, voidedBy: null, voidReason: '' } as never) as Record<string, unknown>;
      statement.run(FOLLOW_UP_FIELDS.map((field) => row[field] ?? null));
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
