import type { Kysely } from 'kysely';

/*
 * The office's area as a reference list: one row per kelurahan with its kecamatan.
 * Unique per pair, so that the same kelurahan is never listed twice under one kecamatan.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('area_places')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (col) => col.notNull())
    .addColumn('kecamatan', 'text', (col) => col.notNull())
    .addColumn('kelurahan', 'text', (col) => col.notNull())
    .addUniqueConstraint('area_places_kecamatan_kelurahan_key', ['kecamatan', 'kelurahan'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('area_places').execute();
}
