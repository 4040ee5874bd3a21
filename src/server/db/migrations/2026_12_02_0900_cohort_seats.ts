import type { Kysely } from 'kysely';

/**
 * A cohort's seats: how many participants the course takes. Nullable: the
 * cohorts made before it have no known number, and a clerk may not know it yet.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cohorts').addColumn('seats', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cohorts').dropColumn('seats').execute();
}
