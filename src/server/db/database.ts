import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type Dialect, type SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config';
import type { Database } from './schema';
import { idleCheckpointer, type IdleCheckpointer } from './idle-checkpoint';

export type DatabaseKind = DatabaseConfig['kind'];

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Closes the pool or file; the handle is unusable afterwards. */
  close(): Promise<void>;
};

const PG_INT8_OID = 20;

/** Opens the configured database. Nothing is queried yet: migrate before use. */
export function createDatabase(config: DatabaseConfig): DatabaseHandle {
  const db = new Kysely<Database>({
    dialect: config.kind === 'sqlite' ? sqliteDialect(config.path) : postgresDialect(config.url),
    plugins: [new CamelCasePlugin()],
  });
  return { db, kind: config.kind, close: () => db.destroy() };
}

function sqliteDialect(path: string): Dialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  // WAL lets readers run during a write; busy_timeout makes a second writer wait
  // instead of failing at once with SQLITE_BUSY; foreign keys are off by default.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // A push writes a few thousand pages, many of them the same index pages again: the log
  // is moved into the database once writes pause (idle-checkpoint.ts), each such page
  // written there once, not inside the commit that fills the log. SQLite's own move at
  // 100 MB only bounds a burst that never pauses; the log file is cut back to 64 MB
  // after a move, so it never stays larger.
  database.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
  database.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  return new SqliteDialect({ database: withStatementCache(database, path === ':memory:' ? null : idleCheckpointer(database)) });
}

/** Pages (4 kB) of write-ahead log after which a commit moves it into the database file, paused or not. */
const WAL_CHECKPOINT_PAGES = 25_000;

/** Distinct statements kept prepared; a push or pull uses a few dozen. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query it runs; preparing is about a fifth of a push's time on
 * SQLite. The same SQL text (parameters are bound, not inlined) reuses its prepared
 * statement, unless that one is still being iterated by a streamed query, which gets a
 * fresh one. The cache starts over when full, so queries with varying `in (…)` lists
 * cannot grow it without bound.
 */
function withStatementCache(database: SqliteDatabase.Database, checkpointer: IdleCheckpointer | null): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    // Kysely prepares each statement right before running it: a writer is a write now.
    prepare(source) {
      const statement = prepared(source);
      if (!statement.reader) checkpointer?.wrote();
      return statement;
    },
    close() {
      checkpointer?.stop();
      database.close();
    },
  };

  function prepared(source: string): SqliteDatabase.Statement {
    const cached = statements.get(source);
    if (cached !== undefined && !cached.busy) return cached;
    const statement = database.prepare(source);
    if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
    if (cached === undefined) statements.set(source, statement);
    return statement;
  }
}

function postgresDialect(url: string): Dialect {
  // pg returns bigint (int8) as a string to be safe beyond 2^53; versions, mids and
  // counts never get there, and SQLite returns numbers, so both dialects agree on
  // numbers. Set per pool, not on pg's global type registry.
  const types = new pg.TypeOverrides();
  types.setTypeParser(PG_INT8_OID, 'text', Number);
  const pool = new pg.Pool({ connectionString: withDefaultUser(url), types, max: 10 });
  watchConnectionErrors(pool);
  return new PostgresDialect({ pool });
}

/**
 * A connection the server loses (a restart, a failover, pg_terminate_backend) is
 * reported by pg as an `error` event, on the pool for an idle connection and on the
 * client for one in use between queries; unheard, either ends the process. Heard, the
 * dead connection is dropped from the pool, the request that used it answers 503, and
 * the next one connects afresh once the database is back.
 */
function watchConnectionErrors(pool: pg.Pool): void {
  pool.on('error', (error) => console.error(`PostgreSQL: an idle connection was lost: ${error.message}`));
  pool.on('connect', (client) => {
    client.on('error', (error) => console.error(`PostgreSQL: a connection in use was lost: ${error.message}`));
  });
}

/**
 * Fills in the user when the URL names none: the OS user, as psql does. pg would read
 * $USER, which service managers and containers often leave unset.
 */
export function withDefaultUser(url: string): string {
  const parsed = new URL(url);
  if (parsed.username !== '') return url;
  parsed.username = defaultPostgresUser();
  return parsed.toString();
}

function defaultPostgresUser(): string {
  return [process.env['PGUSER'], process.env['USER']].find((name) => name !== undefined && name !== '') ?? userInfo().username;
}
