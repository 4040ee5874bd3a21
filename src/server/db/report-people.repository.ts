import { sql, type Kysely, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type { Database } from './schema';

/**
 * `report_people` is derived from `enrollments` alone: every enrolment write calls
 * `refreshReportPeople` for its person in the same transaction (enrollments.repository.ts
 * does, so no caller can forget), and bulk loads call `rebuildReportPeople`. Nearly
 * everyone has one live enrolment; for them the report reads this narrow row instead of
 * grouping every enrolment by person.
 */

/** People per statement in `refreshReportPeople`, well under both databases' parameter limits. */
const PEOPLE_PER_REFRESH = 500;

/** Recomputes the rows of `alumnusIds` from their live enrolments; call inside the write's transaction. */
export async function refreshReportPeople(db: Kysely<Database>, alumnusIds: readonly string[]): Promise<void> {
  const ids = [...new Set(alumnusIds)];
  for (let start = 0; start < ids.length; start += PEOPLE_PER_REFRESH) {
    const chunk = ids.slice(start, start + PEOPLE_PER_REFRESH);
    await db.deleteFrom('reportPeople').where('alumnusId', 'in', chunk).execute();
    await fill(sql`and alumnus_id in (${sql.join(chunk)})`).execute(db);
  }
}

/** Recomputes every row: for bulk loads that bypass the repositories (demo seed, bench data). */
export async function rebuildReportPeople(db: QueryExecutorProvider): Promise<void> {
  await sql`delete from report_people`.execute(db);
  await fill(sql``).execute(db);
}

/**
 * One row per person with a live enrolment among those `where` keeps. With one such
 * enrolment (count 1, so `max` is that enrolment's value): its cohort and the days from
 * which it counts as graduated and as certified, '' when undated, as the report's rule
 * reads an undated graduation. Several: only the person, marked by a null cohort.
 */
function fill(where: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    insert into report_people (alumnus_id, sole_cohort_id, graduated_from, certified_from)
    select alumnus_id,
           case when count(*) = 1 then max(cohort_id) end,
           case when count(*) = 1 then max(case when outcome = 'graduated' then coalesce(graduation_date, '') end) end,
           case when count(*) = 1 then max(case when certification = 'competent' then coalesce(certification_issued_date, '') end) end
      from enrollments
     where deleted = 0 ${where}
     group by alumnus_id`;
}
