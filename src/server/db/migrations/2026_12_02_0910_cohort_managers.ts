import type { Kysely } from 'kysely';

/**
 * Officers an admin lets create and edit cohorts for any provider (the provider
 * is "chosen by admins and officers with rights"). A flag on the user, not a role: such
 * an officer still works the worklist.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('manages_cohorts', 'integer', (column) => column.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('manages_cohorts').execute();
}
