import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { statusTimeline20261206, type FrozenContact } from './frozen/status-timeline-2026-12-06';

/*
 * `status_steps`: each person's status over time (shared/domain/status-timeline.ts), one
 * row per day it changed, kept with every follow-up write in the same transaction. The
 * absorption report as of any day then reads one row per person through the primary
 * key instead of every contact. Filled here from the follow-ups already stored, by the
 * rule as it stood when this migration was written (frozen/), never by the app's live
 * code, so every install that runs it gets the same steps.
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
  await fillStatusSteps(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('enrollments_report_idx').execute();
  await db.schema.dropTable('status_steps').execute();
}

/** Rows per INSERT: 4 parameters each, well under SQLite's and PostgreSQL's limits. */
const STEPS_PER_INSERT = 1_000;

type FollowUpRow = Omit<FrozenContact, 'reached'> & { alumnusId: string; reached: number | string };

async function fillStatusSteps(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<FollowUpRow>`
    select alumnus_id as "alumnusId", id, contacted_at as "contactedAt", created_at as "createdAt", reached, status,
           voided_at as "voidedAt", channel
      from follow_ups`.execute(db);
  const byPerson = new Map<string, FrozenContact[]>();
  for (const { alumnusId, ...row } of rows) {
    const contact: FrozenContact = { ...row, reached: Number(row.reached) !== 0 };
    const list = byPerson.get(alumnusId);
    if (list === undefined) byPerson.set(alumnusId, [contact]);
    else list.push(contact);
  }
  const steps: { alumnusId: string; day: string; status: string; selfReported: number }[] = [];
  for (const [alumnusId, contacts] of byPerson) {
    for (const step of statusTimeline20261206(contacts)) steps.push({ alumnusId, day: step.day, status: step.status, selfReported: step.selfReported ? 1 : 0 });
  }
  for (let start = 0; start < steps.length; start += STEPS_PER_INSERT) {
    const batch = steps.slice(start, start + STEPS_PER_INSERT);
    await sql`insert into status_steps (alumnus_id, on_day, status, self_reported) values ${sql.join(
      batch.map((step) => sql`(${step.alumnusId}, ${step.day}, ${step.status}, ${step.selfReported})`),
    )}`.execute(db);
  }
}
