import type { Kysely } from 'kysely';

/*
 * The domain tables, one column per field of the shared valibot schemas. Portable on
 * purpose: the same DDL runs on SQLite and PostgreSQL, so only types that behave alike
 * on both are used — text, integer, bigint, double precision. Booleans are integer 0/1
 * (better-sqlite3 cannot bind JS booleans); dates and timestamps are ISO text, which
 * sorts correctly as text. Migrations are frozen history: never edit one that has
 * shipped, add a new one.
 */

/** Columns every synced record has; `version` is the server version of its last change. */
function recordTable(db: Kysely<unknown>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'bigint', (col) => col.notNull().defaultTo(0));
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await recordTable(db, 'providers')
    .addColumn('deleted', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('phone', 'text')
    .execute();

  await recordTable(db, 'vocations')
    .addColumn('deleted', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .execute();

  await recordTable(db, 'users')
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('provider_id', 'text', (col) => col.references('providers.id'))
    .addColumn('active', 'integer', (col) => col.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  await recordTable(db, 'cohorts')
    .addColumn('deleted', 'integer', (col) => col.notNull())
    .addColumn('provider_id', 'text', (col) => col.notNull().references('providers.id'))
    .addColumn('vocation_id', 'text', (col) => col.notNull().references('vocations.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('funding_source', 'text', (col) => col.notNull())
    .addColumn('budget_year', 'integer', (col) => col.notNull())
    .addColumn('start_date', 'text', (col) => col.notNull())
    .addColumn('end_date', 'text', (col) => col.notNull())
    .addColumn('location', 'text', (col) => col.notNull())
    .addColumn('planned_certification_date', 'text')
    .addColumn('actual_certification_date', 'text')
    .execute();

  await recordTable(db, 'alumni')
    .addColumn('deleted', 'integer', (col) => col.notNull())
    .addColumn('nik', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('gender', 'text', (col) => col.notNull())
    .addColumn('birth_date', 'text', (col) => col.notNull())
    .addColumn('phone', 'text')
    .addColumn('whatsapp', 'text')
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('kelurahan', 'text', (col) => col.notNull())
    .addColumn('kecamatan', 'text', (col) => col.notNull())
    .addColumn('education', 'text', (col) => col.notNull())
    .execute();

  await recordTable(db, 'enrollments')
    .addColumn('deleted', 'integer', (col) => col.notNull())
    .addColumn('cohort_id', 'text', (col) => col.notNull().references('cohorts.id'))
    .addColumn('alumnus_id', 'text', (col) => col.notNull().references('alumni.id'))
    .addColumn('outcome', 'text', (col) => col.notNull())
    .addColumn('graduation_date', 'text')
    .addColumn('certification', 'text', (col) => col.notNull())
    .addColumn('certification_scheduled_date', 'text')
    .addColumn('certification_issued_date', 'text')
    .addColumn('certificate_number', 'text', (col) => col.notNull())
    .addUniqueConstraint('enrollments_cohort_id_alumnus_id_unique', ['cohort_id', 'alumnus_id'])
    .execute();

  await recordTable(db, 'follow_ups')
    .addColumn('alumnus_id', 'text', (col) => col.notNull().references('alumni.id'))
    .addColumn('officer_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('contacted_at', 'text', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('reached', 'integer', (col) => col.notNull())
    .addColumn('unreached_reason', 'text')
    .addColumn('status', 'text')
    .addColumn('status_start_date', 'text')
    .addColumn('employer', 'text', (col) => col.notNull())
    .addColumn('job_title', 'text', (col) => col.notNull())
    .addColumn('sector', 'text', (col) => col.notNull())
    .addColumn('income_band', 'text')
    .addColumn('business_name', 'text', (col) => col.notNull())
    .addColumn('business_kind', 'text', (col) => col.notNull())
    .addColumn('business_employees', 'integer')
    .addColumn('revenue_band', 'text')
    .addColumn('notes', 'text', (col) => col.notNull())
    .addColumn('gps_lat', 'double precision')
    .addColumn('gps_lng', 'double precision')
    .addColumn('gps_accuracy', 'double precision')
    .addColumn('next_follow_up_date', 'text')
    .addColumn('voided_at', 'text')
    .addColumn('voided_by', 'text', (col) => col.references('users.id'))
    .addColumn('void_reason', 'text', (col) => col.notNull())
    .execute();

  // The unique enrollments(cohort_id, alumnus_id) already serves lookups by cohort.
  const indexes: [table: string, columns: string[]][] = [
    ['users', ['provider_id']],
    ['cohorts', ['provider_id']],
    ['cohorts', ['vocation_id']],
    ['enrollments', ['alumnus_id']],
    ['follow_ups', ['alumnus_id', 'contacted_at']],
    ['follow_ups', ['officer_id']],
  ];
  for (const [table, columns] of indexes) {
    await db.schema.createIndex(`${table}_${columns.join('_')}_idx`).on(table).columns(columns).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['follow_ups', 'enrollments', 'alumni', 'cohorts', 'users', 'vocations', 'providers']) {
    await db.schema.dropTable(table).execute();
  }
}
