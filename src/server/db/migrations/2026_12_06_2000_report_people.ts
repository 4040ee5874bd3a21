import { SqliteAdapter, sql, type Kysely } from 'kysely';

/*
 * What the absorption report keeps per person, so that a report is a scan of narrow
 * rows rather than a grouping of every enrolment and every status step:
 * - `status_steps.until_day`, the day of the person's next step (null for the latest),
 *   so their status as of any day is the one row with on_day <= day < until_day;
 * - `report_people`, one row per person with a live enrolment: the cohort, graduation
 *   and certification days of their one live enrolment, or a null cohort when they have
 *   several (report-people.repository.ts keeps it).
 * Both filled here from the rows already stored, by SQL of their own, never the app's
 * live code, so every install that runs this gets the same rows.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema.alterTable('status_steps').addColumn('until_day', 'text').execute();
  await sql`
    update status_steps set until_day = (
      select min(next.on_day) from status_steps next where next.alumnus_id = status_steps.alumnus_id and next.on_day > status_steps.on_day
    )`.execute(db);
  await db.schema
    .createTable('report_people')
    .addColumn('alumnus_id', 'text', (col) => col.notNull().primaryKey())
    .addColumn('sole_cohort_id', 'text')
    .addColumn('graduated_from', 'text')
    .addColumn('certified_from', 'text')
    .$call((table) => (sqlite ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  // Every column the report reads, led by the cohort: SQLite sums the single people per
  // cohort in this order without sorting them.
  await db.schema
    .createIndex('report_people_cohort_idx')
    .on('report_people')
    .columns(['sole_cohort_id', 'alumnus_id', 'graduated_from', 'certified_from'])
    .execute();
  await sql`
    insert into report_people (alumnus_id, sole_cohort_id, graduated_from, certified_from)
    select alumnus_id,
           case when count(*) = 1 then max(cohort_id) end,
           case when count(*) = 1 then max(case when outcome = 'graduated' then coalesce(graduation_date, '') end) end,
           case when count(*) = 1 then max(case when certification = 'competent' then coalesce(certification_issued_date, '') end) end
      from enrollments
     where deleted = 0
     group by alumnus_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_people').execute();
  await db.schema.alterTable('status_steps').dropColumn('until_day').execute();
}
