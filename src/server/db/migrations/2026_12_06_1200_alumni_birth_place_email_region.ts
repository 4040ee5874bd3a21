import type { Kysely } from 'kysely';

/**
 * Place of birth, email, kabupaten/kota and provinsi: fields LPK registration lists
 * carry (the TTL column's place among them). Empty text, not null, for every alumnus
 * made before, as the other optional text fields are.
 */

const COLUMNS = ['birth_place', 'email', 'regency', 'province'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) {
    await db.schema.alterTable('alumni').addColumn(column, 'text', (col) => col.notNull().defaultTo('')).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) await db.schema.alterTable('alumni').dropColumn(column).execute();
}
