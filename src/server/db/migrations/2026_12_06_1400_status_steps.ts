import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { rebuildStatusSteps } from '../status-steps.repository';

/*
 * `status_steps`: each person's status over time (shared/domain/status-timeline.ts), one
 * row per day it changed, kept with every follow-up write in the same transaction. The
 * absorption report as of any day then reads one row per person through the primary
 * key instead of every contact. Filled here from the follow-ups already stored.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  // On SQLite without a rowid the primary key is the table: a seek reads the status with the key.
  await db.schema
    .createTable('status_steps')
    .addColumn('alumnus_id', 'text', (col) => col.notNull())
    .addColumn('on_day', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('self_reported', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('status_steps_pkey', ['alumnus_id', 'on_day'])
    .$call((table) => (sqlite ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  // Every column the report reads of an enrollment, led by the cohort it joins on: the
  // report's grouping reads this index alone, never the wide enrollment rows.
  await db.schema
    .createIndex('enrollments_report_idx')
    .on('enrollments')
    .columns(['cohort_id', 'alumnus_id', 'deleted', 'outcome', 'graduation_date', 'certification', 'certification_issued_date'])
    .execute();
  await rebuildStatusSteps(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enrollments_report_idx').execute();
  await db.schema.dropTable('status_steps').execute();
}
