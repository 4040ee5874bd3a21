import type { Kysely } from 'kysely';

/*
 * Bookkeeping for push/pull (see DESIGN.md, "Sync protocol"). Later issues may add
 * columns here; they add migrations, they do not edit this one.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per scope; a writing transaction increments it with UPDATE … RETURNING so
  // that versions commit in order (a sequence would not: it is fixed at insert time).
  await db.schema
    .createTable('scope_versions')
    .addColumn('scope', 'text', (col) => col.primaryKey())
    .addColumn('version', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('clients')
    .addColumn('client_id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('last_mid', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();

  // Pull reads "scope = ? and version > ?": the primary key is that index.
  await db.schema
    .createTable('change_log')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('version', 'bigint', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('op', 'text', (col) => col.notNull())
    .addColumn('changed_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('change_log_pk', ['scope', 'version', 'entity', 'entity_id'])
    .execute();

  await db.schema
    .createTable('mutation_results')
    .addColumn('client_id', 'text', (col) => col.notNull())
    .addColumn('mid', 'bigint', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('code', 'text')
    .addColumn('message', 'text')
    .addColumn('at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('mutation_results_pk', ['client_id', 'mid'])
    .execute();

  // No foreign keys: the audit trail must outlive whatever it describes.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('client_id', 'text')
    .addColumn('mutation', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity_entity_id_idx').on('audit_log').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('field_clocks')
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('field', 'text', (col) => col.notNull())
    .addColumn('hlc', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('field_clocks_pk', ['entity', 'entity_id', 'field'])
    .execute();

  await db.schema
    .createTable('field_history')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('field', 'text', (col) => col.notNull())
    .addColumn('value_json', 'text')
    .addColumn('hlc', 'text', (col) => col.notNull())
    .addColumn('replaced_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('field_history_entity_entity_id_field_idx')
    .on('field_history')
    .columns(['entity', 'entity_id', 'field'])
    .execute();

  await db.schema
    .createTable('app_meta')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = ['app_meta', 'field_history', 'field_clocks', 'audit_log', 'mutation_results', 'change_log', 'clients', 'scope_versions'];
  for (const table of tables) await db.schema.dropTable(table).execute();
}
