import { SqliteAdapter, sql, type Kysely } from 'kysely';

/*
 * Personal answer links, and the alumnus as the author of their own answer.
 *
 * - `self_report_links`: one row per link; only the SHA-256 of its token is kept.
 * - `self_report_misses`: lookups of tokens that do not exist, per client address, to
 *   refuse whoever guesses at them (429).
 * - `follow_ups.officer_id` loses its reference to `users`: a follow-up with channel
 *   `self-report` is written by the alumnus, whose id is no user's. SQLite cannot drop a
 *   constraint, so there the table is rebuilt from its own definition minus that clause
 *   (whatever columns later migrations added are kept), in one transaction.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('self_report_links')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('alumnus_id', 'text', (col) => col.notNull().references('alumni.id'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_by', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('follow_up_id', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text', (col) => col.references('users.id'))
    .execute();
  await db.schema.createIndex('self_report_links_alumnus_id_idx').on('self_report_links').column('alumnus_id').execute();

  await db.schema
    .createTable('self_report_misses')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('missed_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('self_report_misses_address_missed_at_idx').on('self_report_misses').columns(['address', 'missed_at']).execute();

  if (isSqlite(db)) await rebuildFollowUpsWithoutOfficerReference(db);
  else await sql`alter table follow_ups drop constraint if exists follow_ups_officer_id_fkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('self_report_misses').execute();
  await db.schema.dropTable('self_report_links').execute();
}

function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

const OFFICER_REFERENCE = /("officer_id" text not null) references "users" \("id"\)/;

async function rebuildFollowUpsWithoutOfficerReference(db: Kysely<unknown>): Promise<void> {
  const definition = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'follow_ups'`.execute(db);
  const createTable = definition.rows[0]?.sql;
  if (createTable === undefined || !OFFICER_REFERENCE.test(createTable)) {
    throw new Error('follow_ups is not defined as expected: cannot drop the reference of officer_id to users');
  }
  const indexes = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'follow_ups' and sql is not null`.execute(db);
  const rebuilt = createTable.replace(OFFICER_REFERENCE, '$1').replace(/^create table "follow_ups"/i, 'create table "follow_ups_rebuilt"');
  if (!rebuilt.startsWith('create table "follow_ups_rebuilt"')) throw new Error('follow_ups is not defined as expected');

  // Kysely runs SQLite migrations outside a transaction, on one connection: this one is ours.
  await sql`begin`.execute(db);
  try {
    await sql.raw(rebuilt).execute(db);
    await sql`insert into follow_ups_rebuilt select * from follow_ups`.execute(db);
    await sql`drop table follow_ups`.execute(db);
    await sql`alter table follow_ups_rebuilt rename to follow_ups`.execute(db);
    for (const { sql: createIndex } of indexes.rows) await sql.raw(createIndex).execute(db);
    await sql`commit`.execute(db);
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  }
}
