import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, it } from 'vitest';
import type { DatabaseConfig } from '../../src/server/config';
import { createDatabase, withDefaultUser, type DatabaseHandle, type DatabaseKind } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrate';

/**
 * A fresh database per test on each dialect, as kysely's own tests loop over theirs.
 * SQLite: a new file in a new temp directory. PostgreSQL: a throwaway database with a
 * random name, created through the admin URL and dropped afterwards, so runs (and
 * parallel test files) never see each other's rows.
 */

export const DIALECTS: readonly DatabaseKind[] = ['sqlite', 'postgres'];

const ADMIN_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://127.0.0.1:5432/postgres';
const POSTGRES_REQUIRED = process.env['CI'] === 'true' || process.env['JEJAK_REQUIRE_POSTGRES'] === '1';

/** Why PostgreSQL cannot be used, or null when it answers. Probed once per test file. */
const postgresProblem = await probePostgres();

export type TestDatabase = DatabaseHandle & { config: DatabaseConfig; drop(): Promise<void> };

/** A new, empty database; `migrated` applies the migrations first. */
export async function createTestDatabase(kind: DatabaseKind, { migrated = false } = {}): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'jejak-test-'));
    const config: DatabaseConfig = { kind, path: join(dir, 'test.db') };
    const handle = createDatabase(config);
    if (migrated) await migrateToLatest(handle.db);
    return { ...handle, config, drop: () => handle.close().finally(() => rmSync(dir, { recursive: true, force: true })) };
  }
  const name = randomName('jejak_test');
  // Copying a migrated template is faster than migrating (~250 ms of DDL commits per database).
  await admin(migrated ? `create database ${name} template ${await migratedTemplate()}` : `create database ${name}`);
  const config: DatabaseConfig = { kind, url: postgresUrl(name) };
  const handle = createDatabase(config);
  return { ...handle, config, drop: () => handle.close().finally(() => dropDatabase(name)) };
}

let template: Promise<string> | undefined;

/** One migrated PostgreSQL database per test file, copied by each test, dropped after the file. */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = randomName('jejak_template');
    await admin(`create database ${name}`);
    // Closed at once: PostgreSQL copies a template only while nobody is connected to it.
    const handle = createDatabase({ kind: 'postgres', url: postgresUrl(name) });
    await migrateToLatest(handle.db).finally(() => handle.close());
    return name;
  })();
  return template;
}

afterAll(async () => {
  const name = await template?.catch(() => undefined);
  if (name !== undefined) await admin(`drop database if exists ${name} with (force)`);
});

/**
 * One describe block per dialect. Without PostgreSQL its block is skipped with a
 * warning — or fails, when CI=true or JEJAK_REQUIRE_POSTGRES=1, so CI never passes
 * by silently testing SQLite alone.
 */
export function describeEachDialect(title: string, body: (kind: DatabaseKind) => void): void {
  describe.each(DIALECTS)(`${title} on %s`, (kind) => {
    if (kind === 'postgres' && postgresMissing(title)) return;
    body(kind);
  });
}

/** One describe block on PostgreSQL alone (what only concurrent writers show), skipped or failing as above. */
export function describePostgres(title: string, body: () => void): void {
  describe(`${title} on postgres`, () => {
    if (postgresMissing(title)) return;
    body();
  });
}

/** True, with a skipped or failing test in its place, when PostgreSQL does not answer. */
function postgresMissing(title: string): boolean {
  if (postgresProblem === null) return false;
  const message = `PostgreSQL at ${ADMIN_URL} is unreachable (${postgresProblem})`;
  if (POSTGRES_REQUIRED) {
    it('needs PostgreSQL', () => {
      throw new Error(`${message}; it is required because CI=true or JEJAK_REQUIRE_POSTGRES=1. Set TEST_POSTGRES_URL or start it.`);
    });
  } else {
    console.warn(`${message}: skipping "${title}" on postgres. Set JEJAK_REQUIRE_POSTGRES=1 to make this a failure.`);
    it.skip('needs PostgreSQL', () => undefined);
  }
  return true;
}

/** Gives each test of the enclosing block a fresh database, migrated unless told not to. */
export function useTestDatabase(kind: DatabaseKind, options: { migrate?: boolean } = {}): { readonly current: TestDatabase } {
  let current: TestDatabase | undefined;
  beforeEach(async () => {
    current = await createTestDatabase(kind, { migrated: options.migrate ?? true });
  });
  afterEach(async () => {
    await current?.drop();
    current = undefined;
  });
  return {
    get current() {
      if (current === undefined) throw new Error('The test database exists only inside a test.');
      return current;
    },
  };
}

/**
 * pg's pool.end() resolves once its connections are asked to close, not once they have:
 * a forced drop at once can kill one mid-goodbye, and pg then throws that FATAL as an
 * unhandled error into whichever test runs. So wait for them to go (a plain drop refuses
 * while anyone is connected); force only connections that never go.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await admin(`drop database if exists ${name}`);
      return;
    } catch (error) {
      // 55006 object_in_use: "database … is being accessed by other users".
      if ((error as { code?: string }).code !== '55006') throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  await admin(`drop database if exists ${name} with (force)`);
}

function randomName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

function postgresUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement as the PostgreSQL administrator (outside any test database). */
export async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDefaultUser(ADMIN_URL), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function probePostgres(): Promise<string | null> {
  try {
    await admin('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
