import pg from 'pg';
import { copyDatabase } from '../src/server/backup/copy-database';
import { createDatabase, withDefaultUser } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { timeAbsorptionReport, withJejakServer } from './jejak-server';

/** Dropped and created afresh on each run; override the server with BENCH_POSTGRES_URL (its database name is replaced). */
const DATABASE = 'jejak_bench_reports';
const SERVER_URL = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://127.0.0.1:5432/postgres';
const SUPERVISOR = 'kabid.penta';
const REQUESTS = 7;

/**
 * The absorption report on PostgreSQL over the same bench data as SQLite's figure: the
 * SQLite bench database moved into a fresh PostgreSQL database by `jejak copy`'s own
 * copy; then VACUUM ANALYZE, what autovacuum does by itself within a minute or two of a
 * bulk load (planner statistics, and the visibility map that lets index-only scans skip
 * the table), and a checkpoint, which the next timed one would do: both run at once so
 * the figure does not depend on when they come by. Then the real server (`jejak serve`
 * with DATABASE_URL=postgres://…), timed as SQLite's is: the first request after the
 * server starts and the median of seven. Returns the figure lines, or one line saying
 * why PostgreSQL was not measured.
 */
export async function benchReportPostgres(sqlitePath: string): Promise<string[]> {
  const url = databaseUrl(DATABASE);
  const t0 = performance.now();
  try {
    await recreateDatabase(DATABASE);
  } catch (error) {
    return [`absorption report (PostgreSQL): not measured, PostgreSQL at ${SERVER_URL} refused (${error instanceof Error ? error.message : String(error)}); set BENCH_POSTGRES_URL`];
  }
  const rows = await copyInto(sqlitePath, url);
  const lines = [`reports on PostgreSQL (${DATABASE}): ${rows} rows copied from the SQLite bench database, vacuumed, analysed and checkpointed (${((performance.now() - t0) / 1000).toFixed(1)} s)`];
  await withJejakServer(url, SUPERVISOR, async (server) => {
    lines.push(await timeAbsorptionReport(server, 'PostgreSQL', REQUESTS));
  });
  return lines;
}

/** Copies every table (the copy refuses a target with rows, hence the fresh database), then vacuums and analyses it. */
async function copyInto(sqlitePath: string, url: string): Promise<number> {
  const source = createDatabase({ kind: 'sqlite', path: sqlitePath });
  const target = createDatabase({ kind: 'postgres', url });
  try {
    await migrateToLatest(target.db);
    const copied = await copyDatabase(source, target);
    await admin(url, 'vacuum analyze');
    // The copy's and the vacuum's pages written out now rather than by the checkpointer during the timing.
    await admin(url, 'checkpoint');
    return copied.reduce((sum, table) => sum + table.rows, 0);
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

async function recreateDatabase(name: string): Promise<void> {
  await admin(SERVER_URL, `drop database if exists ${name} with (force)`);
  await admin(SERVER_URL, `create database ${name}`);
}

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDefaultUser(url) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
