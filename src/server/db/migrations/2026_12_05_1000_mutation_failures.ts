import type { Kysely } from 'kysely';

/*
 * How often a pushed mutation failed with an error that is neither a refusal nor the
 * database being away (a bug, a value the database cannot hold). Counted outside the
 * push's transaction, which that failure rolls back: after a bounded number of attempts
 * the change is refused, so nothing queued behind it on the device waits for ever.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mutation_failures')
    .addColumn('client_id', 'text', (col) => col.notNull())
    .addColumn('mid', 'bigint', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull())
    .addColumn('last_error', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('mutation_failures_pk', ['client_id', 'mid'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('mutation_failures').execute();
}
